namespace MemQuest.Persistence.Export;

public sealed record ExportedRunLog(
    string ScenarioId,
    string ContentDigest,
    int EngineVersion,
    long Seed,
    IReadOnlyList<ExportedCommand> Commands,
    long EndTick);
