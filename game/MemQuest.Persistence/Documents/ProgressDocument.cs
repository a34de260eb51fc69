namespace MemQuest.Persistence.Documents;

/// <summary>Progress of one profile on one incident. <see cref="Id"/> is "profileId/incidentId".</summary>
public sealed record ProgressDocument
{
    public string Id { get; init; } = "";
    public int ProfileId { get; init; }
    public string IncidentId { get; init; } = "";
    public bool Solved { get; init; }
    public int Stars { get; init; }
    public int BestScore { get; init; }
    /// <summary>Ids of the hints bought, in purchase order; a hint is never charged twice.</summary>
    public List<string> HintsBought { get; init; } = [];
    public DateTime LastPlayedUtc { get; init; }

    public static string KeyOf(int profileId, string incidentId) => $"{profileId}/{incidentId}";
}
