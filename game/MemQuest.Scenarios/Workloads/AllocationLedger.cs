// The application's own record of its heap, per call site, as heaptrack collects it: calls, bytes
// allocated, bytes still held, peak, and failed allocations (malloc returning NULL).
namespace MemQuest.Scenarios.Workloads;

public sealed class AllocationLedger
{
    private readonly SortedDictionary<string, SiteTotals> _sites = new(StringComparer.Ordinal);

    public long FailedAllocations { get; private set; }

    public IReadOnlyDictionary<string, SiteTotals> Sites => _sites;

    public void Allocated(string site, long bytes)
    {
        if (!_sites.TryGetValue(site, out SiteTotals? t)) _sites.Add(site, t = new SiteTotals());
        t.Calls++;
        t.AllocatedBytes += bytes;
        t.HeldBytes += bytes;
        t.PeakBytes = Math.Max(t.PeakBytes, t.HeldBytes);
    }

    public void Freed(string site, long bytes)
    {
        if (_sites.TryGetValue(site, out SiteTotals? t)) t.HeldBytes = Math.Max(0, t.HeldBytes - bytes);
    }

    public void Failed() => FailedAllocations++;

    public long HeldBytes => _sites.Values.Sum(s => s.HeldBytes);
}
