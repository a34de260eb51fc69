// The service health model (content/README.md): a p99 latency in ms that responds the way an admin
// expects to what the engine reports. Instant latency = base + cost per page read from disk or
// swapped in + cost per failed allocation + cost per tick stalled in direct reclaim; the reported
// p99 moves 1/8 of the way towards it each tick, so a drop_caches shows up as a rise that decays as
// the cache refills. A unit that is not running is down (no latency: every request fails).
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Services;

public static class ServiceHealth
{
    /// <summary>The p99 a down service reports: it answers nothing.</summary>
    public const long DownP99Ms = long.MaxValue;

    public static long InstantP99Ms(HealthModel m, long diskPages, long swapIns, long allocFailures, long stallTicks) =>
        m.BaseP99Ms
        + (diskPages + swapIns) * m.MajorFaultCostMs
        + allocFailures * m.AllocFailureCostMs
        + stallTicks * m.StallCostMs;

    /// <summary>The smoothed p99 after one more tick at <paramref name="instantMs"/>.</summary>
    public static long Smooth(long previousMs, long instantMs) =>
        previousMs == DownP99Ms ? instantMs : previousMs + (instantMs - previousMs) / 8;
}
