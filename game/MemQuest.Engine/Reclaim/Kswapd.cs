// Models kswapd0 (mm/vmscan.c kswapd, wakeup_kswapd, balance_pgdat, pgdat_balanced), kernel-spec §3.6
// and §13.4: woken by an allocation that missed the low watermark everywhere, it reclaims from
// priority 12 down until any eligible zone passes its high watermark (boost included), then clears
// the boost and sleeps. Runs once per Machine.Step with a bounded scan budget per tick, and once
// right when it is woken: kswapd0 is a thread on another CPU, so during a burst of allocations
// that happens between two ticks (a dd, a cat) it reclaims alongside, and allocstall stays rare
// as on a real box; only when it cannot keep up do allocating tasks enter direct reclaim.
// After MAX_RECLAIM_RETRIES (16) runs that freed nothing it stops waking until reclaim succeeds.
// Not modelled: the kcompactd hand-off, kswapd_order decay when it fails, the PSI accounting.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Reclaim;

public sealed class Kswapd(PgData node, Vmscan vmscan, VmEvents events)
{
    /// <summary>MAX_RECLAIM_RETRIES (mm/internal.h).</summary>
    public const int MaxReclaimRetries = 16;
    /// <summary>Pages kswapd may scan in one 100 ms tick.</summary>
    public const long MaxScanPerTick = 65536;

    public bool Awake { get; private set; }
    public int Order { get; private set; }
    public ZoneType HighestZone { get; private set; }
    /// <summary>pgdat->kswapd_failures.</summary>
    public int Failures { get; private set; }
    public long Runs { get; private set; }

    /// <summary>wakeup_kswapd (mm/vmscan.c): raise kswapd_order/highest_zoneidx and wake it unless the
    /// node is already balanced for this request or kswapd has given up.</summary>
    public void Wake(int order, ZoneType highestZone)
    {
        if (Failures >= MaxReclaimRetries) return;
        if (!Awake) { Order = order; HighestZone = highestZone; }
        else { Order = Math.Max(Order, order); HighestZone = (ZoneType)Math.Max((int)HighestZone, (int)highestZone); }
        if (PgdatBalanced(order, highestZone)) return;
        bool wasAwake = Awake;
        Awake = true;
        if (!wasAwake) Run();
    }

    /// <summary>pgdat_balanced (mm/vmscan.c): any populated zone up to <paramref name="highest"/> passes
    /// zone_watermark_ok(order, high_wmark) (zones checked bottom-up).</summary>
    public bool PgdatBalanced(int order, ZoneType highest)
    {
        for (int i = 0; i <= (int)highest; i++)
        {
            Zone z = node.Zones[i];
            if (!z.IsPopulated) continue;
            if (PageAllocator.ZoneWatermarkOk(z, order, z.Watermarks.High, highest, 0, z.NrFreePages)) return true;
        }
        return false;
    }

    /// <summary>One tick of the kswapd thread: balance_pgdat while awake.</summary>
    public void Run()
    {
        if (!Awake) return;
        Runs++;
        events.Count(VmEventItem.Pageoutrun);
        long[] zoneBoosts = node.Zones.Select(z => z.Watermarks.Boost).ToArray();
        long reclaimed = BalancePgdat();
        // balance_pgdat's exit: the boost this pass started with is spent, whatever it reclaimed.
        for (int i = 0; i < zoneBoosts.Length; i++)
            node.Zones[i].Watermarks.Boost -= Math.Min(node.Zones[i].Watermarks.Boost, zoneBoosts[i]);
        if (reclaimed > 0) Failures = 0;
        else if (++Failures >= MaxReclaimRetries) Awake = false;
        if (!PgdatBalanced(Order, HighestZone)) return;
        foreach (Zone z in node.Zones) z.Watermarks.Boost = 0;
        Awake = false;
    }

    /// <summary>balance_pgdat (mm/vmscan.c): priority from DEF_PRIORITY down to 1; each round aims at
    /// Σ max(high_wmark, SWAP_CLUSTER_MAX) pages; the priority drops when a round fell short.</summary>
    private long BalancePgdat()
    {
        long total = 0, scanned = 0;
        int priority = ScanControl.DefPriority;
        while (priority >= 1 && scanned < MaxScanPerTick)
        {
            if (PgdatBalanced(Order, HighestZone)) break;
            var sc = new ScanControl { IsKswapd = true, Priority = priority, ReclaimIdx = HighestZone, NrToReclaim = KswapdGoal() };
            vmscan.ShrinkNode(sc);
            total += sc.NrReclaimed;
            scanned += sc.NrScanned;
            bool raisePriority = sc.NrScanned < sc.NrToReclaim;
            if (raisePriority || sc.NrReclaimed == 0) priority--;
        }
        vmscan.SnapshotRefaults();
        return total;
    }

    private long KswapdGoal()
    {
        long goal = 0;
        for (int i = 0; i <= (int)HighestZone; i++)
            if (node.Zones[i].IsPopulated) goal += Math.Max(node.Zones[i].Watermarks.High, Units.SwapClusterMax);
        return goal;
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(Awake ? 1 : 0); w.Add(Order); w.Add((long)HighestZone); w.Add(Failures); w.Add(Runs);
    }
}
