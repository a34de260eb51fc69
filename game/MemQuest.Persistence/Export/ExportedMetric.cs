namespace MemQuest.Persistence.Export;

public sealed record ExportedMetric(string Name, int Points, int MaxPoints);
