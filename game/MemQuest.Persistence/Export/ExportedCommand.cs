namespace MemQuest.Persistence.Export;

public sealed record ExportedCommand(long Tick, string Line);
