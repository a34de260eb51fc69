namespace MemQuest.Persistence.Documents;

/// <summary>
/// The command log of an incident still being played, saved as it grows so the run resumes by
/// replay after a quit or a crash. <see cref="Id"/> is "profileId/incidentId".
/// </summary>
public sealed record UnfinishedRunDocument
{
    public string Id { get; init; } = "";
    public int ProfileId { get; init; }
    public string IncidentId { get; init; } = "";
    public DateTime SavedUtc { get; init; }
    public RunLog Log { get; init; } = new();
}
