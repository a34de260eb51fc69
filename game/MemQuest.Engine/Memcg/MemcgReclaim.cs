// Models memcg reclaim (mm/vmscan.c try_to_free_mem_cgroup_pages → do_try_to_free_pages →
// shrink_node → shrink_node_memcgs), kernel-spec §13 and §14.1: reclaim max(nr_pages,
// SWAP_CLUSTER_MAX) pages from a group's subtree, priority 12 down to 0; each pass runs
// prepare_scan_control on the target group's lruvec, then shrinks each group of the subtree in
// pre-order (mem_cgroup_iter) through its own lruvec, stopping the walk once the goal is met
// (partial walk); a pass over every priority that reclaimed nothing is repeated once as a full walk
// (memcg_full_walk). The group's page cache goes first when there is no swap (SCAN_FILE); with swap,
// get_scan_count balances its anon and file pages with the group's own costs.
// Counting: allocstall and the global pgscan/pgsteal_direct and pgrefill counters are not raised
//   (cgroup_reclaim); each group's memory.stat counters are.
// Not modelled: memory.low/min protection (so memory.events "low" stays 0), the shared reclaim
//   cookie (every walk starts at the target), memcg-aware slab shrinkers (dentries and inodes are not
//   charged to groups), vmpressure, groups already removed with rmdir (their pages stay charged and
//   are not walked).
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;

namespace MemQuest.Engine.Memcg;

public sealed class MemcgReclaim(MemcgTree tree, MemcgLruvecs lruvecs, Vmscan vmscan, PgData node)
{
    /// <summary>try_to_free_mem_cgroup_pages (mm/vmscan.c): pages reclaimed from <paramref name="target"/>'s subtree.</summary>
    public long TryToFreeMemCgroupPages(MemCgroup target, long nrPages, bool maySwap)
    {
        var sc = new ScanControl
        {
            NrToReclaim = Math.Max(nrPages, Units.SwapClusterMax),
            ReclaimIdx = ZoneType.Device,
            MaySwap = maySwap,
            CgroupReclaim = true,
        };
        bool fullWalk = false;
        while (true)
        {
            for (int p = ScanControl.DefPriority; p >= 0; p--)
            {
                sc.Priority = p;
                sc.NrScanned = 0;
                ShrinkNode(target, sc, partial: !fullWalk);
                if (sc.NrReclaimed >= sc.NrToReclaim) break;
            }
            if (sc.NrReclaimed > 0 || fullWalk) return sc.NrReclaimed;
            fullWalk = true;
        }
    }

    /// <summary>shrink_node for a memcg target: prepare_scan_control, then shrink_node_memcgs.</summary>
    private void ShrinkNode(MemCgroup target, ScanControl sc, bool partial)
    {
        GetScanCount.PrepareScanControl(sc, lruvecs.Of(target), node);
        foreach (MemCgroup g in tree.PreOrder(target).ToList())
        {
            MemcgLruvec lv = lruvecs.Of(g);
            if (lv.TotalPages == 0) continue;                 // shrink_lruvec of empty lists does nothing
            sc.MemcgEvents = g.EventSink;
            vmscan.ShrinkMemcgLruvec(lv, sc, g.Path);
            sc.MemcgEvents = null;
            if (partial && sc.NrReclaimed >= sc.NrToReclaim) break;
        }
    }
}
