namespace MemQuest.Persistence.Export;

public sealed record ExportedScoreCard(int Total, int Stars, IReadOnlyList<ExportedMetric> Metrics);
