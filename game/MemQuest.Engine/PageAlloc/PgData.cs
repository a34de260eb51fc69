// Models struct pglist_data (include/linux/mmzone.h) for the one NUMA node: its zones in index
// order, the shared mem_map, per-node vmstat counters and totalreserve_pages (kernel-spec §1, §3.3).
// Invariants: Zones[i].Type == (ZoneType)i; only zones with managed pages are "populated".
namespace MemQuest.Engine.PageAlloc;

public sealed class PgData
{
    public PgData(MemMap map, Zone[] zones)
    {
        if (zones.Length != ZoneNames.Count) throw new ArgumentException("one zone per zone type is required", nameof(zones));
        Map = map;
        Zones = zones;
        _endPfn = map.EndPfn;
        _pageblockZone = new Zone?[(map.EndPfn + Units.PageblockNrPages - 1) >> Units.PageblockOrder];
        for (int i = zones.Length - 1; i >= 0; i--)
        {
            Zone z = zones[i];
            if (z.SpannedPages == 0 || z.StartPfn >= map.EndPfn) continue;
            long end = Math.Min(z.EndPfn, map.EndPfn);
            for (long pb = z.StartPfn >> Units.PageblockOrder; pb <= (end - 1) >> Units.PageblockOrder; pb++)
                _pageblockZone[pb] = z;
        }
    }

    /// <summary>page_zone(): which zone each pageblock belongs to (zones never share a pageblock on x86-64).</summary>
    private readonly Zone?[] _pageblockZone;
    private readonly long _endPfn;

    public int NodeId => 0;
    public MemMap Map { get; }
    public Zone[] Zones { get; }
    public long[] Stat { get; } = new long[(int)NodeStatItem.Count];
    public long TotalreservePages { get; internal set; }

    public IEnumerable<Zone> PopulatedZones => Zones.Where(z => z.IsPopulated);

    /// <summary>totalram_pages: the sum of managed pages (MemTotal).</summary>
    public long TotalramPages => Zones.Sum(z => z.ManagedPages);

    /// <summary>Global NR_FREE_PAGES (MemFree).</summary>
    public long NrFreePages => Zones.Sum(z => z.NrFreePages);

    public Zone? ZoneOf(long pfn)
    {
        if ((ulong)pfn >= (ulong)_endPfn) return null;
        Zone? z = _pageblockZone[pfn >> Units.PageblockOrder];
        return z is not null && z.Contains(pfn) ? z : null;
    }

    /// <summary>The highest populated zone at or below <paramref name="highest"/> (gfp_zone + zonelist).</summary>
    public ZoneType HighestPopulatedAtMost(ZoneType highest)
    {
        for (int i = (int)highest; i >= 0; i--)
            if (Zones[i].IsPopulated) return (ZoneType)i;
        return ZoneType.Dma;
    }

    public void AddStat(NodeStatItem item, long delta) => Stat[(int)item] += delta;
}
