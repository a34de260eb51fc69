namespace MemQuest.Persistence.Export;

public sealed record ExportedProgress(
    string IncidentId,
    bool Solved,
    int Stars,
    int BestScore,
    IReadOnlyList<string> HintsBought,
    DateTime LastPlayedUtc);
