// Models struct lruvec (include/linux/mmzone.h) for the node: the five LRU lists as doubly linked
// lists threaded through MemMap.Links (a page is on a buddy list or an LRU list, never both),
// with their sizes mirrored into the node and zone vmstat counters, kernel-spec §11.
// Called by page faults (anon pages), the page cache (file pages) and reclaim (scanning, rotation).
// Invariants: Count(l) == pages linked on list l; every linked page has PageFlags.Lru.
// Every move is also reported to Observer (the memory cgroups' own lruvecs, Memcg.MemcgLruvecs).
// Also holds the reclaim cost balance (anon_cost, file_cost; kernel-spec §13.2) and inactive_is_low (§11).
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Reclaim;

public sealed class Lruvec : ILruvec
{
    public const int NrLruLists = 5;
    private readonly PgData _node;
    private readonly int[] _head = new int[NrLruLists];
    private readonly int[] _tail = new int[NrLruLists];
    private readonly long[] _count = new long[NrLruLists];

    public Lruvec(PgData node)
    {
        _node = node;
        Array.Fill(_head, MemMap.NoPfn);
        Array.Fill(_tail, MemMap.NoPfn);
    }

    public long Count(LruList list) => _count[(int)list];

    public int Head(LruList list) => _head[(int)list];

    public int Tail(LruList list) => _tail[(int)list];

    public int NextOf(int pfn) => _node.Map.Links[pfn].Next;

    public int PrevOf(int pfn) => _node.Map.Links[pfn].Prev;

    public long ListLength(LruList list) => _count[(int)list];

    /// <summary>Memory cgroup lruvecs that mirror the node's lists (null until the first group is made).</summary>
    public ILruObserver? Observer { get; set; }

    /// <summary>lruvec_add_folio: link at the head (most recently used end) of <paramref name="list"/>.</summary>
    public void Add(int pfn, LruList list)
    {
        MemMap map = _node.Map;
        if ((map.Flags[pfn] & PageFlags.Lru) != 0) throw new InvalidOperationException($"pfn {pfn} is already on an LRU list");
        int l = (int)list;
        int old = _head[l];
        PageLinks[] links = map.Links;
        links[pfn].Next = old;
        links[pfn].Prev = MemMap.NoPfn;
        if (old == MemMap.NoPfn) _tail[l] = pfn; else links[old].Prev = pfn;
        _head[l] = pfn;
        map.Flags[pfn] |= PageFlags.Lru;
        if (list == LruList.ActiveAnon || list == LruList.ActiveFile) map.Flags[pfn] |= PageFlags.Active;
        else map.Flags[pfn] &= ~PageFlags.Active;
        Account(pfn, list, +1);
        Observer?.Added(pfn, list);
    }

    /// <summary>lruvec_del_folio: unlink from whichever list holds the page.</summary>
    public void Del(int pfn, LruList list)
    {
        MemMap map = _node.Map;
        int l = (int)list;
        PageLinks[] links = map.Links;
        int next = links[pfn].Next, prev = links[pfn].Prev;
        if (prev == MemMap.NoPfn) _head[l] = next; else links[prev].Next = next;
        if (next == MemMap.NoPfn) _tail[l] = prev; else links[next].Prev = prev;
        links[pfn] = PageLinks.Unlinked;
        map.Flags[pfn] &= ~(PageFlags.Lru | PageFlags.Active);
        Account(pfn, list, -1);
        Observer?.Deleted(pfn, list);
    }

    private void Account(int pfn, LruList list, long delta)
    {
        if ((_node.Map.Flags[pfn] & PageFlags.Head) != 0) delta <<= _node.Map.Order[pfn];   // folio_nr_pages: a THP counts 512
        _count[(int)list] += delta;
        _node.Stat[(int)NodeStatItem.NrInactiveAnon + (int)list] += delta;
        Zone? z = _node.ZoneOf(pfn);
        if (z is not null) z.Stat[(int)ZoneStatItem.NrZoneInactiveAnon + (int)list] += delta;
    }

    /// <summary>lruvec->anon_cost: recent cost of reclaiming anon pages (kernel-spec §13.2).</summary>
    public long AnonCost { get; internal set; }

    /// <summary>lruvec->file_cost.</summary>
    public long FileCost { get; internal set; }

    /// <summary>lruvec->nonresident_age (mm/workingset.c): the clock of evictions and activations that
    /// shadow entries are stamped with.</summary>
    public long NonresidentAge { get; internal set; }

    /// <summary>lruvec->refaults[WORKINGSET_ANON / WORKINGSET_FILE]: workingset_activate_* as the last
    /// reclaim run left them (snapshot_refaults); a difference means refaults are happening.</summary>
    public long WorkingsetActivateAnon => _node.Stat[(int)NodeStatItem.WorkingsetActivateAnon];
    public long WorkingsetActivateFile => _node.Stat[(int)NodeStatItem.WorkingsetActivateFile];

    public long RefaultsSnapshotAnon { get; private set; }
    public long RefaultsSnapshotFile { get; private set; }

    /// <summary>snapshot_refaults (mm/vmscan.c), at the end of a reclaim run.</summary>
    public void SnapshotRefaults()
    {
        RefaultsSnapshotAnon = _node.Stat[(int)NodeStatItem.WorkingsetActivateAnon];
        RefaultsSnapshotFile = _node.Stat[(int)NodeStatItem.WorkingsetActivateFile];
    }

    /// <summary>folio_activate (mm/swap.c): move an inactive page to the head of its active list.</summary>
    public void Activate(int pfn, LruList inactive)
    {
        Del(pfn, inactive);
        Add(pfn, inactive + 1);
    }

    /// <summary>Move a page on <paramref name="from"/> to the head of <paramref name="to"/> (deactivation, rotation).</summary>
    public void Move(int pfn, LruList from, LruList to)
    {
        Del(pfn, from);
        Add(pfn, to);
    }

    /// <summary>Swap <paramref name="newPfn"/> into <paramref name="oldPfn"/>'s place on the same list
    /// (folio_migrate_flags + the LRU splice of migration). Copies the LRU flags.</summary>
    public void Replace(int oldPfn, int newPfn, LruList list)
    {
        MemMap map = _node.Map;
        int l = (int)list;
        PageLinks[] links = map.Links;
        int next = links[oldPfn].Next, prev = links[oldPfn].Prev;
        links[newPfn].Next = next;
        links[newPfn].Prev = prev;
        if (prev == MemMap.NoPfn) _head[l] = newPfn; else links[prev].Next = newPfn;
        if (next == MemMap.NoPfn) _tail[l] = newPfn; else links[next].Prev = newPfn;
        links[oldPfn] = PageLinks.Unlinked;
        map.Flags[newPfn] |= map.Flags[oldPfn] & (PageFlags.Lru | PageFlags.Active);
        map.Flags[oldPfn] &= ~(PageFlags.Lru | PageFlags.Active);
        Account(oldPfn, list, -1);
        Account(newPfn, list, +1);
        Observer?.Replaced(oldPfn, newPfn, list);
    }

    /// <summary>lruvec_lru_size (mm/vmscan.c): pages of <paramref name="list"/> in zones up to <paramref name="reclaimIdx"/>.</summary>
    public long LruSize(LruList list, ZoneType reclaimIdx)
    {
        long size = 0;
        for (int z = 0; z <= (int)reclaimIdx; z++)
            size += _node.Zones[z].Stat[(int)ZoneStatItem.NrZoneInactiveAnon + (int)list];
        return size;
    }

    /// <summary>inactive_is_low (mm/vmscan.c), kernel-spec §11: with gb = (inactive+active) &gt;&gt; 18,
    /// ratio = gb ? int_sqrt(10*gb) : 1; the inactive list is low when inactive * ratio &lt; active.</summary>
    public bool InactiveIsLow(LruList inactiveList)
    {
        long inactive = Count(inactiveList), active = Count(inactiveList + 1);
        return inactive * InactiveRatio(inactive + active) < active;
    }

    /// <summary>The inactive ratio of inactive_is_low for an LRU of <paramref name="pages"/> pages (kernel-spec §19 fact 72).</summary>
    public static long InactiveRatio(long pages)
    {
        long gb = pages >> (30 - Units.PageShift);
        return gb != 0 ? (long)Units.IntSqrt((ulong)(10 * gb)) : 1;
    }

    /// <summary>lru_note_cost (mm/swap.c): a reclaim pass that had to do I/O or rotate pages makes that
    /// type more expensive; both costs halve when their sum passes a quarter of the LRU pages.</summary>
    public void NoteCost(bool file, long nrIo, long nrRotated)
    {
        long cost = nrIo * Units.SwapClusterMax + nrRotated;
        if (file) FileCost += cost; else AnonCost += cost;
        long lrusize = Count(LruList.InactiveAnon) + Count(LruList.ActiveAnon) + Count(LruList.InactiveFile) + Count(LruList.ActiveFile);
        if (AnonCost + FileCost > lrusize / 4)
        {
            AnonCost /= 2;
            FileCost /= 2;
        }
    }

    public void AddToDigest(DigestWriter w)
    {
        for (int l = 0; l < NrLruLists; l++) { w.Add(_count[l]); w.Add(_head[l]); w.Add(_tail[l]); }
        w.Add(AnonCost);
        w.Add(FileCost);
        w.Add(NonresidentAge);
        w.Add(RefaultsSnapshotAnon);
        w.Add(RefaultsSnapshotFile);
    }
}
