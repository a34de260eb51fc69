// The application's own record of its heap, per call site, as heaptrack collects it: calls, bytes
// allocated, bytes still held, peak, and failed allocations (malloc returning NULL).
namespace MemQuest.Scenarios.Workloads;

public sealed class AllocationLedger
{
    private readonly SortedDictionary<string, SiteTotals> _sites = new(StringComparer.Ordinal);

    public long FailedAllocations { get; private set; }

    public IReadOnlyDictionary<string, SiteTotals> Sites => _sites;

    /// <summary>The site last looked up and its totals: a workload records the same site call after call
    /// (sites are never removed, so the pair stays right).</summary>
    private string? _lastSite;
    private SiteTotals? _lastTotals;

    private bool TryGetSite(string site, out SiteTotals? t)
    {
        if (ReferenceEquals(site, _lastSite)) { t = _lastTotals; return true; }
        if (!_sites.TryGetValue(site, out t)) return false;
        (_lastSite, _lastTotals) = (site, t);
        return true;
    }

    public void Allocated(string site, long bytes)
    {
        if (!TryGetSite(site, out SiteTotals? t)) _sites.Add(site, t = new SiteTotals());
        t!.Calls++;
        t.AllocatedBytes += bytes;
        t.HeldBytes += bytes;
        t.PeakBytes = Math.Max(t.PeakBytes, t.HeldBytes);
    }

    public void Freed(string site, long bytes)
    {
        if (TryGetSite(site, out SiteTotals? t)) t!.HeldBytes = Math.Max(0, t.HeldBytes - bytes);
    }

    public void Failed() => FailedAllocations++;

    public long HeldBytes => _sites.Values.Sum(s => s.HeldBytes);
}
