// How an incident splits its 1000 points over the metrics it names (content key `scoring:`),
// e.g. `{ service_health: 500, headroom: 200, collateral: 200, time: 100 }`.
using MemQuest.Scenarios.Model.Costs;

namespace MemQuest.Scenarios.Model.Costs;

public sealed record ScoringWeights(IReadOnlyList<KeyValuePair<string, int>> Metrics, long HeadroomTargetKb)
{
    public const int Total = 1000;
    public static readonly string[] Known = ["service_health", "headroom", "collateral", "time"];

    public int PointsFor(string metric) => Metrics.FirstOrDefault(m => m.Key == metric).Value;
}
