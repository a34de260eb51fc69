// Models struct lruvec (include/linux/mmzone.h) for the node: the five LRU lists as doubly linked
// lists threaded through MemMap.Next/Prev (a page is on a buddy list or an LRU list, never both),
// with their sizes mirrored into the node and zone vmstat counters, kernel-spec §11.
// Called by page faults (anon pages), the page cache (file pages) and reclaim (scanning, rotation).
// Invariants: Count(l) == pages linked on list l; every linked page has PageFlags.Lru.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Reclaim;

public sealed class Lruvec
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

    public int NextOf(int pfn) => _node.Map.Next[pfn];

    /// <summary>lruvec_add_folio: link at the head (most recently used end) of <paramref name="list"/>.</summary>
    public void Add(int pfn, LruList list)
    {
        MemMap map = _node.Map;
        if ((map.Flags[pfn] & PageFlags.Lru) != 0) throw new InvalidOperationException($"pfn {pfn} is already on an LRU list");
        int l = (int)list;
        int old = _head[l];
        map.Next[pfn] = old;
        map.Prev[pfn] = MemMap.NoPfn;
        if (old == MemMap.NoPfn) _tail[l] = pfn; else map.Prev[old] = pfn;
        _head[l] = pfn;
        map.Flags[pfn] |= PageFlags.Lru;
        if (list == LruList.ActiveAnon || list == LruList.ActiveFile) map.Flags[pfn] |= PageFlags.Active;
        else map.Flags[pfn] &= ~PageFlags.Active;
        Account(pfn, list, +1);
    }

    /// <summary>lruvec_del_folio: unlink from whichever list holds the page.</summary>
    public void Del(int pfn, LruList list)
    {
        MemMap map = _node.Map;
        int l = (int)list;
        int next = map.Next[pfn], prev = map.Prev[pfn];
        if (prev == MemMap.NoPfn) _head[l] = next; else map.Next[prev] = next;
        if (next == MemMap.NoPfn) _tail[l] = prev; else map.Prev[next] = prev;
        map.Next[pfn] = MemMap.NoPfn;
        map.Prev[pfn] = MemMap.NoPfn;
        map.Flags[pfn] &= ~(PageFlags.Lru | PageFlags.Active);
        Account(pfn, list, -1);
    }

    private void Account(int pfn, LruList list, long delta)
    {
        if ((_node.Map.Flags[pfn] & PageFlags.Head) != 0) delta <<= _node.Map.Order[pfn];   // folio_nr_pages: a THP counts 512
        _count[(int)list] += delta;
        _node.Stat[(int)NodeStatItem.NrInactiveAnon + (int)list] += delta;
        Zone? z = _node.ZoneOf(pfn);
        if (z is not null) z.Stat[(int)ZoneStatItem.NrZoneInactiveAnon + (int)list] += delta;
    }

    public void AddToDigest(DigestWriter w)
    {
        for (int l = 0; l < NrLruLists; l++) { w.Add(_count[l]); w.Add(_head[l]); w.Add(_tail[l]); }
    }
}
