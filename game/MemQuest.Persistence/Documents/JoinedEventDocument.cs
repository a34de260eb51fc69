namespace MemQuest.Persistence.Documents;

/// <summary>
/// A team event a profile joined: the organiser's signed ticket as the player received it (JSON,
/// checked by the App before it is stored). <see cref="Id"/> is "profileId/eventId".
/// </summary>
public sealed record JoinedEventDocument
{
    public string Id { get; init; } = "";
    public int ProfileId { get; init; }
    public string EventId { get; init; } = "";
    public DateTime JoinedUtc { get; init; }
    public string TicketJson { get; init; } = "";
}
