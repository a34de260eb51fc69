// Models what mm/vmscan.c reads from a struct lruvec during one shrink pass (kernel-spec §11, §13):
// the node's lruvec (Lruvec, global reclaim) or one memory cgroup's lruvec (Memcg.MemcgLruvec,
// memcg reclaim). Pages stay linked on the node's lists either way; a memcg lruvec is a view of
// the same pages in the same order, so isolation walks it and then unlinks through the node.
namespace MemQuest.Engine.Reclaim;

public interface ILruvec
{
    /// <summary>lruvec_page_state(lruvec, NR_LRU_BASE + list): for a memcg lruvec, its subtree's pages.</summary>
    long Count(LruList list);

    /// <summary>lruvec_lru_size: pages on this lruvec's own list in zones up to <paramref name="reclaimIdx"/>.</summary>
    long LruSize(LruList list, PageAlloc.ZoneType reclaimIdx);

    /// <summary>Pages linked on this lruvec's own list (isolate_lru_folios' bound).</summary>
    long ListLength(LruList list);

    /// <summary>The coldest page of the list, or MemMap.NoPfn.</summary>
    int Tail(LruList list);

    /// <summary>The next warmer page after <paramref name="pfn"/> on its list, or MemMap.NoPfn.</summary>
    int PrevOf(int pfn);

    /// <summary>lruvec_page_state(lruvec, WORKINGSET_ACTIVATE_ANON / _FILE): refault activations so far.</summary>
    long WorkingsetActivateAnon { get; }
    long WorkingsetActivateFile { get; }

    /// <summary>lruvec->refaults[]: those counters as the last reclaim run left them (snapshot_refaults).</summary>
    long RefaultsSnapshotAnon { get; }
    long RefaultsSnapshotFile { get; }

    long AnonCost { get; }
    long FileCost { get; }

    /// <summary>inactive_is_low (mm/vmscan.c), kernel-spec §11.</summary>
    bool InactiveIsLow(LruList inactiveList);

    /// <summary>lru_note_cost (mm/swap.c) for this lruvec (and, for a memcg, its ancestors).</summary>
    void NoteCost(bool file, long nrIo, long nrRotated);
}
