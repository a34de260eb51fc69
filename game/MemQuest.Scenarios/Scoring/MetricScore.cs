// One line of a score card: the metric, points earned and points possible, and why in a few words.
namespace MemQuest.Scenarios.Scoring;

public sealed record MetricScore(string Name, int Points, int MaxPoints, string Detail);
