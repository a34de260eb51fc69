// Models allocate_slab/new_slab and discard_slab/__free_slab (mm/slub.c), kernel-spec §5.3: the
// pages under every slab. Holds the slab table (id → slab), marks each page PageSlab with the slab
// id in page->private (as page->slab_cache would point back), and keeps NR_SLAB_RECLAIMABLE /
// NR_SLAB_UNRECLAIMABLE (in pages) in the node stats.
// Invariants: MemMap.Private[p] == slab.Id + 1 for every page p of a live slab; node stats equal
//   the pages of all slabs of reclaimable / other caches (plus large kmalloc, see SlabAllocator).
using MemQuest.Engine.Slab.Layout;
using MemQuest.Engine.Events;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Slab;

internal sealed class SlabPages(PgData node, PageAllocator pageAlloc, KernelEventLog events)
{
    private readonly List<Slab?> _slabs = [];
    private readonly Stack<int> _freeIds = new();
    private readonly PageFlags[] _flags = node.Map.Flags;
    private readonly int[] _private = node.Map.Private;

    public int LiveSlabs { get; private set; }

    /// <summary>The slab that owns pfn, or null when the page is not a slab page.</summary>
    public Slab? SlabOf(long pfn)
    {
        if ((ulong)pfn >= (ulong)_flags.Length || (_flags[pfn] & PageFlags.Slab) == 0) return null;
        int id = _private[pfn] - 1;
        return id >= 0 && id < _slabs.Count ? _slabs[id] : null;
    }

    /// <summary>allocate_slab (mm/slub.c): try the preferred order without reclaim, then the minimum order.</summary>
    public Slab? NewSlab(KmemCache s, GfpFlags gfp)
    {
        GfpFlags flags = (gfp & ~(GfpFlags.Dma | GfpFlags.Dma32 | GfpFlags.Movable | GfpFlags.Reclaimable | GfpFlags.Highmem | GfpFlags.Account))
                         | GfpFlags.Comp | CacheAllocflags(s);
        int order = s.Layout.Order, objects = s.Layout.ObjPerSlab;
        long pfn = -1;
        bool fallback = false;
        if (order > s.Layout.MinOrder)
        {
            GfpFlags first = (flags | GfpFlags.NoWarn | GfpFlags.NoRetry) & ~GfpFlags.NoFail;
            if ((first & GfpFlags.DirectReclaim) != 0) first = (first | GfpFlags.NoMemalloc) & ~GfpFlags.Reclaim;
            pfn = pageAlloc.AllocPages(order, first);
            if (pfn < 0) { order = s.Layout.MinOrder; objects = s.Layout.MinObjPerSlab; fallback = true; }
        }
        if (pfn < 0) pfn = pageAlloc.AllocPages(order, flags);
        if (pfn < 0) return null;
        return Install(s, pfn, order, objects, fallback);
    }

    /// <summary>s->allocflags (mm/slub.c calculate_sizes): __GFP_RECLAIMABLE, GFP_DMA.</summary>
    private static GfpFlags CacheAllocflags(KmemCache s) =>
        ((s.Flags & SlabFlags.ReclaimAccount) != 0 ? GfpFlags.Reclaimable : 0)
        | ((s.Flags & SlabFlags.CacheDma) != 0 ? GfpFlags.Dma : 0);

    private Slab Install(KmemCache s, long pfn, int order, int objects, bool fallback)
    {
        int id = _freeIds.Count > 0 ? _freeIds.Pop() : _slabs.Count;
        var slab = new Slab(id, s, pfn, order, objects);
        if (id == _slabs.Count) _slabs.Add(slab); else _slabs[id] = slab;
        long nr = 1L << order;
        for (long p = pfn; p < pfn + nr; p++)
        {
            node.Map.Flags[p] |= PageFlags.Slab;
            node.Map.Private[p] = id + 1;
        }
        node.AddStat(s.IsReclaimable ? NodeStatItem.NrSlabReclaimable : NodeStatItem.NrSlabUnreclaimable, nr);
        s.AccountNewSlab(slab);
        LiveSlabs++;
        if (events.Listening) events.Add(new SlabCreated(events.Tick, s.Name, pfn, order, objects, fallback));
        return slab;
    }

    /// <summary>discard_slab (mm/slub.c): give an empty slab's pages back to the buddy allocator.</summary>
    public void DiscardSlab(KmemCache s, Slab slab, string reason)
    {
        long nr = 1L << slab.Order;
        for (long p = slab.Pfn; p < slab.Pfn + nr; p++)
        {
            node.Map.Flags[p] &= ~PageFlags.Slab;
            node.Map.Private[p] = 0;
        }
        node.AddStat(s.IsReclaimable ? NodeStatItem.NrSlabReclaimable : NodeStatItem.NrSlabUnreclaimable, -nr);
        s.AccountDiscardSlab(slab);
        _slabs[slab.Id] = null;
        _freeIds.Push(slab.Id);
        LiveSlabs--;
        if (events.Listening) events.Add(new SlabDiscarded(events.Tick, s.Name, slab.Pfn, slab.Order, reason));
        pageAlloc.FreePages(slab.Pfn, slab.Order);
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(_slabs.Count);
        foreach (Slab? s in _slabs)
            if (s is null) w.Add(-1); else s.AddToDigest(w);
        foreach (int id in _freeIds) w.Add(id);
    }
}
