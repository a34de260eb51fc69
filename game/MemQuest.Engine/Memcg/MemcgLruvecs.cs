// Models the per-memcg lruvecs of mm/memcontrol.c (struct mem_cgroup_per_node: lruvec + lru_zone_size;
// folio_lruvec, mem_cgroup_update_lru_size), kernel-spec §11 and §14.1. In the kernel a charged
// page sits on its group's lruvec; here every page stays on the node's lists (Reclaim.Lruvec) and
// each group keeps a second, doubly linked list of its own pages, updated on every LRU move the
// node's lruvec makes (ILruObserver). Because a group's list sees exactly the adds, deletes and
// replacements of its pages, in the same order, it holds the same pages in the same order as the
// kernel's per-memcg list would; memcg reclaim walks it in O(pages scanned), whatever else is on the node.
// Choice: per-memcg lists mirrored, not a filtered scan of the node's list (a filter would walk past
//   every other page on each memory.max charge) nor moving pages off the node's lists (global reclaim,
//   compaction and the page cache all link through it).
// Invariants: a page is on its group's list iff it is on a node LRU list and charged to that group
//   (not the root); counts equal the pages linked (a THP counts 1 << order).
// Not modelled: per-zone lru_zone_size (memcg reclaim scans every zone), global reclaim walking the
//   groups one by one (it still scans the node's list in global LRU order).
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;

namespace MemQuest.Engine.Memcg;

public sealed class MemcgLruvecs : ILruObserver
{
    private readonly MemcgTree _tree;
    private readonly MemMap _map;
    private readonly Func<long, int> _groupIdOf;
    // Links of the per-memcg lists, stored as pfn + 1 (0 = none), so untouched chunks cost nothing.
    private readonly SparsePfnArray _next;
    private readonly SparsePfnArray _prev;
    private readonly List<MemcgLruvec> _byId = [];

    /// <param name="groupIdOf">The memcg id a user page is charged to, or -1 (root or uncharged).</param>
    public MemcgLruvecs(MemcgTree tree, MemMap map, Func<long, int> groupIdOf)
    {
        _tree = tree;
        _map = map;
        _groupIdOf = groupIdOf;
        _next = new SparsePfnArray(map.EndPfn);
        _prev = new SparsePfnArray(map.EndPfn);
    }

    internal MemcgTree Tree => _tree;

    /// <summary>mem_cgroup_lruvec(memcg, pgdat).</summary>
    public MemcgLruvec Of(MemCgroup g)
    {
        while (_byId.Count <= g.Id) _byId.Add(new MemcgLruvec(this, _tree.ById[_byId.Count]));
        return _byId[g.Id];
    }

    internal int Next(int pfn) => _next[pfn] - 1;

    internal int Prev(int pfn) => _prev[pfn] - 1;

    public void Added(int pfn, LruList list)
    {
        int id = _groupIdOf(pfn);
        if (id <= 0) return;
        MemcgLruvec v = Of(_tree.ById[id]);
        int l = (int)list, old = v.HeadPfn[l];
        _next[pfn] = old + 1;
        _prev[pfn] = 0;
        if (old == MemMap.NoPfn) v.TailPfn[l] = pfn; else _prev[old] = pfn + 1;
        v.HeadPfn[l] = pfn;
        v.CountPages[l] += Pages(pfn);
    }

    public void Deleted(int pfn, LruList list)
    {
        int id = _groupIdOf(pfn);
        if (id <= 0) return;
        MemcgLruvec v = Of(_tree.ById[id]);
        int l = (int)list, next = Next(pfn), prev = Prev(pfn);
        if (prev == MemMap.NoPfn) v.HeadPfn[l] = next; else _next[prev] = next + 1;
        if (next == MemMap.NoPfn) v.TailPfn[l] = prev; else _prev[next] = prev + 1;
        _next[pfn] = 0;
        _prev[pfn] = 0;
        v.CountPages[l] -= Pages(pfn);
    }

    /// <summary>The charge moved to <paramref name="newPfn"/> first (mem_cgroup_migrate), so its group is newPfn's.</summary>
    public void Replaced(int oldPfn, int newPfn, LruList list)
    {
        int id = _groupIdOf(newPfn);
        if (id <= 0) return;
        MemcgLruvec v = Of(_tree.ById[id]);
        int l = (int)list, next = Next(oldPfn), prev = Prev(oldPfn);
        _next[newPfn] = next + 1;
        _prev[newPfn] = prev + 1;
        if (prev == MemMap.NoPfn) v.HeadPfn[l] = newPfn; else _next[prev] = newPfn + 1;
        if (next == MemMap.NoPfn) v.TailPfn[l] = newPfn; else _prev[next] = newPfn + 1;
        _next[oldPfn] = 0;
        _prev[oldPfn] = 0;
    }

    /// <summary>folio_nr_pages, as the node's lruvec counts it.</summary>
    private long Pages(int pfn) => (_map.Flags[pfn] & PageFlags.Head) != 0 ? 1L << _map.Order[pfn] : 1;

    /// <summary>Groups whose lruvec holds pages or costs (views made only to be read add nothing).</summary>
    public void AddToDigest(DigestWriter w)
    {
        foreach (MemcgLruvec v in _byId)
        {
            if (v.TotalPages == 0 && v.AnonCost == 0 && v.FileCost == 0) continue;
            w.Add(v.Group.Id);
            v.AddToDigest(w);
        }
    }
}
