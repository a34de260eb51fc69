// Models struct scan_control (mm/vmscan.c): one reclaim invocation's goal, limits and tallies,
// kernel-spec §13. Kswapd and direct reclaim fill one in and hand it to Vmscan.ShrinkNode.
// Invariant: NrReclaimed <= NrScanned (pages), priorities run DEF_PRIORITY (12) down to 0.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Reclaim;

public sealed class ScanControl
{
    public const int DefPriority = 12;

    public long NrToReclaim { get; init; }
    public int Priority { get; set; } = DefPriority;
    /// <summary>reclaim_idx: the highest zone whose pages are worth reclaiming.</summary>
    public ZoneType ReclaimIdx { get; init; } = ZoneType.Normal;
    public bool IsKswapd { get; init; }
    public bool MaySwap { get; init; } = true;
    /// <summary>cgroup_reclaim(sc): sc->target_mem_cgroup is set (memcg reclaim, not the node's global reclaim).</summary>
    public bool CgroupReclaim { get; init; }
    /// <summary>count_memcg_events(lruvec_memcg(lruvec), ...) for the lruvec being shrunk (null: the node's).</summary>
    public Action<Vmstat.VmEventItem, long>? MemcgEvents { get; set; }
    /// <summary>DEACTIVATE_ANON / DEACTIVATE_FILE bits of may_deactivate.</summary>
    public bool MayDeactivateAnon { get; set; }
    public bool MayDeactivateFile { get; set; }
    public bool FileIsTiny { get; set; }
    public bool CacheTrimMode { get; set; }
    public long NrScanned { get; set; }
    public long NrReclaimed { get; set; }
    public long NrScannedAnon { get; set; }
    public long NrScannedFile { get; set; }
    public long NrReclaimedAnon { get; set; }
    public long NrReclaimedFile { get; set; }
    public long SlabFreed { get; set; }
    /// <summary>Dirty file pages found at the inactive tail (queued for the flusher instead).</summary>
    public long NrDirtySkipped { get; set; }
}
