// Models one memory cgroup's struct lruvec (mm/memcontrol.c mem_cgroup_per_node, mm/swap.c
// lru_note_cost, mm/vmscan.c inactive_is_low), kernel-spec §11, §13.2: the group's own LRU lists
// (kept by MemcgLruvecs), its reclaim costs, and the hierarchical page counts lruvec_page_state
// reads (the group and its descendants).
// Invariants: CountPages[l] = pages on the group's own list l; costs are halved as the node's are.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;

namespace MemQuest.Engine.Memcg;

public sealed class MemcgLruvec : ILruvec
{
    private readonly MemcgLruvecs _all;

    internal MemcgLruvec(MemcgLruvecs all, MemCgroup group)
    {
        _all = all;
        Group = group;
        Array.Fill(HeadPfn, MemMap.NoPfn);
        Array.Fill(TailPfn, MemMap.NoPfn);
    }

    public MemCgroup Group { get; }
    internal int[] HeadPfn { get; } = new int[Lruvec.NrLruLists];
    internal int[] TailPfn { get; } = new int[Lruvec.NrLruLists];
    internal long[] CountPages { get; } = new long[Lruvec.NrLruLists];

    // Refaults are not charged to groups (see MemcgStat): a group's workingset counters stay 0, so its
    // snapshot always equals them and only inactive_is_low decides deactivation in memcg reclaim.
    public long WorkingsetActivateAnon => 0;
    public long WorkingsetActivateFile => 0;
    public long RefaultsSnapshotAnon => 0;
    public long RefaultsSnapshotFile => 0;

    public long AnonCost { get; private set; }
    public long FileCost { get; private set; }

    /// <summary>lruvec_page_state: this group's and its descendants' pages on <paramref name="list"/>.</summary>
    public long Count(LruList list)
    {
        long sum = 0;
        foreach (MemCgroup c in _all.Tree.PreOrder(Group)) sum += _all.Of(c).CountPages[(int)list];
        return sum;
    }

    /// <summary>mem_cgroup_get_zone_lru_size summed over every zone (memcg reclaim's reclaim_idx is the top zone).</summary>
    public long LruSize(LruList list, ZoneType reclaimIdx) => CountPages[(int)list];

    public long ListLength(LruList list) => CountPages[(int)list];

    public int Tail(LruList list) => TailPfn[(int)list];

    public int PrevOf(int pfn) => _all.Prev(pfn);

    public bool InactiveIsLow(LruList inactiveList)
    {
        long inactive = Count(inactiveList), active = Count(inactiveList + 1);
        return inactive * Lruvec.InactiveRatio(inactive + active) < active;
    }

    /// <summary>lru_note_cost (mm/swap.c): the cost goes to this lruvec and each parent's below the root
    /// (the node's lruvec stands for the root's and is charged by the caller).</summary>
    public void NoteCost(bool file, long nrIo, long nrRotated)
    {
        long cost = nrIo * Units.SwapClusterMax + nrRotated;
        if (cost == 0) return;
        for (MemCgroup? c = Group; c is not null && !c.IsRoot; c = c.Parent)
        {
            MemcgLruvec v = _all.Of(c);
            if (file) v.FileCost += cost; else v.AnonCost += cost;
            long lrusize = v.Count(LruList.InactiveAnon) + v.Count(LruList.ActiveAnon) + v.Count(LruList.InactiveFile) + v.Count(LruList.ActiveFile);
            if (v.FileCost + v.AnonCost > lrusize / 4)
            {
                v.FileCost /= 2;
                v.AnonCost /= 2;
            }
        }
    }

    /// <summary>All pages on the group's own LRU lists.</summary>
    public long TotalPages => CountPages.Sum();

    internal void AddToDigest(DigestWriter w)
    {
        for (int l = 0; l < Lruvec.NrLruLists; l++) { w.Add(CountPages[l]); w.Add(HeadPfn[l]); w.Add(TailPfn[l]); }
        w.Add(AnonCost);
        w.Add(FileCost);
    }
}
