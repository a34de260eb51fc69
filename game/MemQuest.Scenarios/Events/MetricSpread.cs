// One metric of one incident over every player's best run: the values (player, points) in player
// order and the most points possible, for the histograms.
namespace MemQuest.Scenarios.Events;

public sealed record MetricSpread(string Incident, string Metric, int MaxPoints, IReadOnlyList<KeyValuePair<string, int>> Values);
