// Models the node-level reclaim of mm/vmscan.c, kernel-spec §13: shrink_node (prepare_scan_control,
// shrink_lruvec over the lists get_scan_count chose, then shrink_slab for the dentry/inode caches
// scaled by vfs_cache_pressure) and try_to_free_pages, the direct reclaim of an allocating task
// (priority 12 down to 0 until SWAP_CLUSTER_MAX pages are freed). Leaves a ReclaimScanned receipt per pass.
// Called by Kswapd (balance_pgdat) and by the allocator's slow path (ReclaimSlowPath).
// Memcg reclaim (Memcg.MemcgReclaim) shrinks one memory cgroup's lruvec at a time through ShrinkMemcgLruvec.
// Not modelled: the proportional scan cut-off after the goal is met (the pass stops),
//   throttling on congestion, nr_deferred carried between shrinker calls.
using MemQuest.Engine.Events;
using MemQuest.Engine.Events.Reclaim;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Swap;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Reclaim;

public sealed class Vmscan(PgData node, Lruvec lru, ShrinkList lists, SwapTable swap, Dcache.Dcache dcache,
    Sysctls sysctls, VmEvents events, KernelEventLog log)
{
    public ShrinkList Lists => lists;

    private readonly SuperblockShrinker _superblock = new(dcache, sysctls);

    /// <summary>The other registered shrinkers (register_shrinker), run after the superblock one in this order.</summary>
    public List<IShrinker> Shrinkers { get; } = [];

    /// <summary>can_reclaim_anon_pages (global reclaim): a free swap slot and someone to unmap the page.</summary>
    public bool CanReclaimAnon => swap.FreePages > 0 && lists.AnonRmap is not null;

    /// <summary>shrink_node (mm/vmscan.c): one pass at sc.Priority over the LRU lists, then the slab shrinkers.</summary>
    public void ShrinkNode(ScanControl sc)
    {
        long fileBefore = sc.NrReclaimedFile, anonBefore = sc.NrReclaimedAnon;
        long dirtyBefore = sc.NrDirtySkipped;
        GetScanCount.PrepareScanControl(sc, lru, node);
        long swappiness = sysctls.Get(SysctlCatalog.Swappiness);
        bool canAnon = CanReclaimAnon;
        var (nr, balance) = GetScanCount.Compute(sc, lru, swappiness, canAnon);
        long[] targets = (long[])nr.Clone();
        ShrinkLruvec(lru, nr, sc, canAnon);
        long slabFreed = ShrinkSlab(sc.Priority);
        sc.SlabFreed += slabFreed;
        if (!log.Listening) return;
        log.Add(new ReclaimScanned(log.Tick, sc.IsKswapd ? "kswapd0" : "direct", sc.Priority,
            GetScanCount.Reason(balance, sc, canAnon, swappiness),
            targets[0], targets[1], targets[2], targets[3],
            sc.NrReclaimedFile - fileBefore, sc.NrReclaimedAnon - anonBefore, sc.NrDirtySkipped - dirtyBefore, slabFreed));
    }

    /// <summary>shrink_lruvec (mm/vmscan.c): scan the lists SWAP_CLUSTER_MAX pages at a time, round robin,
    /// until the targets are used up or (outside the first direct pass) the goal is met; then age anon.</summary>
    private void ShrinkLruvec(ILruvec lv, long[] nr, ScanControl sc, bool canAnon)
    {
        bool proportional = !sc.CgroupReclaim && !sc.IsKswapd && sc.Priority == ScanControl.DefPriority;
        while (nr[(int)LruList.InactiveAnon] > 0 || nr[(int)LruList.ActiveFile] > 0 || nr[(int)LruList.InactiveFile] > 0)
        {
            for (LruList l = LruList.InactiveAnon; l <= LruList.ActiveFile; l++)
            {
                long n = Math.Min(nr[(int)l], Units.SwapClusterMax);
                if (n == 0) continue;
                nr[(int)l] -= n;
                ShrinkOneList(lv, l, n, sc);
            }
            if (sc.NrReclaimed >= sc.NrToReclaim && !proportional) break;
        }
        if (canAnon && lv.InactiveIsLow(LruList.InactiveAnon))
            lists.ShrinkActive(LruList.ActiveAnon, Units.SwapClusterMax, sc, lv);
    }

    /// <summary>shrink_list (mm/vmscan.c): an active list is only aged when its inactive list is low.</summary>
    private void ShrinkOneList(ILruvec lv, LruList l, long n, ScanControl sc)
    {
        bool active = l is LruList.ActiveAnon or LruList.ActiveFile;
        if (!active) { lists.ShrinkInactive(l, n, sc, lv); return; }
        bool mayDeactivate = l == LruList.ActiveFile ? sc.MayDeactivateFile : sc.MayDeactivateAnon;
        if (mayDeactivate) lists.ShrinkActive(l, n, sc, lv);
    }

    /// <summary>One memory cgroup's turn in shrink_node_memcgs (mm/vmscan.c): get_scan_count on its lruvec,
    /// then shrink_lruvec. The caller did prepare_scan_control on the target group; no slab is shrunk
    /// (the dentry and inode caches are not charged to groups here). Returns the pages reclaimed.</summary>
    public long ShrinkMemcgLruvec(ILruvec lv, ScanControl sc, string memcgPath)
    {
        long before = sc.NrReclaimed, fileBefore = sc.NrReclaimedFile, anonBefore = sc.NrReclaimedAnon, dirtyBefore = sc.NrDirtySkipped;
        long swappiness = sysctls.Get(SysctlCatalog.Swappiness);
        bool canAnon = CanReclaimAnon;
        var (nr, balance) = GetScanCount.Compute(sc, lv, swappiness, canAnon);
        long[] targets = (long[])nr.Clone();
        ShrinkLruvec(lv, nr, sc, canAnon);
        if (log.Listening)
            log.Add(new ReclaimScanned(log.Tick, "memcg " + memcgPath, sc.Priority, GetScanCount.Reason(balance, sc, canAnon, swappiness),
                targets[0], targets[1], targets[2], targets[3],
                sc.NrReclaimedFile - fileBefore, sc.NrReclaimedAnon - anonBefore, sc.NrDirtySkipped - dirtyBefore, 0));
        return sc.NrReclaimed - before;
    }

    /// <summary>shrink_slab → do_shrink_slab (mm/shrinker.c) for the superblock shrinker, then every other
    /// registered shrinker: delta = (freeable &gt;&gt; priority) * 4 / seeks, capped at 2 * freeable, scanned
    /// in SHRINK_BATCH chunks.</summary>
    public long ShrinkSlab(int priority)
    {
        long freed = DoShrinkSlab(_superblock, priority);
        foreach (IShrinker s in Shrinkers) freed += DoShrinkSlab(s, priority);
        return freed;
    }

    /// <summary>do_shrink_slab for one shrinker.</summary>
    private long DoShrinkSlab(IShrinker shrinker, int priority)
    {
        long freeable = shrinker.CountObjects();
        if (freeable == 0) return 0;
        long totalScan = Math.Min((freeable >> priority) * 4 / shrinker.Seeks, 2 * freeable);
        long freed = 0;
        while (totalScan >= Dcache.Dcache.ShrinkBatch || totalScan >= freeable)
        {
            long n = Math.Min(Dcache.Dcache.ShrinkBatch, totalScan);
            if (n == 0) break;
            freed += shrinker.ScanObjects(n);
            events.Count(VmEventItem.SlabsScanned, n);
            totalScan -= n;
            freeable = shrinker.CountObjects();
            if (freeable == 0) break;
        }
        return freed;
    }

    /// <summary>snapshot_refaults (mm/vmscan.c): the end of a reclaim run (balance_pgdat, do_try_to_free_pages).</summary>
    public void SnapshotRefaults() => lru.SnapshotRefaults();

    /// <summary>try_to_free_pages → do_try_to_free_pages (mm/vmscan.c), kernel-spec §3.5 step 3: direct
    /// reclaim of SWAP_CLUSTER_MAX pages for an allocation limited to <paramref name="highest"/>.</summary>
    public long TryToFreePages(ZoneType highest, bool maySwap)
    {
        var sc = new ScanControl { NrToReclaim = Units.SwapClusterMax, ReclaimIdx = highest, MaySwap = maySwap };
        events.Count(VmEventItem.AllocstallDma + (int)highest);
        for (int p = ScanControl.DefPriority; p >= 0; p--)
        {
            sc.Priority = p;
            ShrinkNode(sc);
            if (sc.NrReclaimed >= sc.NrToReclaim) break;
        }
        SnapshotRefaults();
        return sc.NrReclaimed;
    }
}
