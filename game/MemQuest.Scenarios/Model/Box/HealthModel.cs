// A service's health metric (content/README.md, "service health model"): p99 latency in ms that
// starts at BaseP99Ms and rises with what the engine reports (cache misses on the working set,
// major faults and swap-ins, failed allocations and reclaim stalls); a stopped service is down.
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Model.Box;

public sealed record HealthModel(long BaseP99Ms, long MajorFaultCostMs, long AllocFailureCostMs, long StallCostMs)
{
    public static readonly HealthModel Default = new(20, 8, 50, 30);
}
