// Models the SLUB allocation and free paths of mm/slub.c, kernel-spec §5.3: ___slab_alloc (CPU
// slab → per-CPU partial → get_partial_node → new_slab), __slab_free (full slab → per-CPU
// partial; empty node-partial slab beyond min_partial → discard_slab), put_cpu_partial,
// __put_partials, deactivate_slab and __kmem_cache_do_shrink.
// Invariants: a slab is on at most one list; frozen slabs (CPU slab, per-CPU partial) are never
//   discarded on free; node-partial slabs never serve allocations directly.
// Not modelled: cmpxchg fast paths, remote frees, RCU-delayed slab freeing (pages go back at once).
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Slab;

internal sealed class SlubCore(SlabPages pages)
{
    /// <summary>slab_alloc_node (mm/slub.c): an object index in the returned slab, or null on failure.</summary>
    public Slab? Alloc(KmemCache s, GfpFlags gfp, out int index)
    {
        Slab? slab = s.CpuSlab;
        if (slab is null || slab.FreeCount == 0)
        {
            slab = SlabAlloc(s, gfp);
            if (slab is null) { index = -1; return null; }
        }
        index = slab.TakeObject();
        s.InuseObjs++;
        return slab;
    }

    /// <summary>___slab_alloc (mm/slub.c): the CPU slab is exhausted; find the next one.</summary>
    private Slab? SlabAlloc(KmemCache s, GfpFlags gfp)
    {
        if (s.CpuSlab is { } exhausted) { exhausted.List = SlabListKind.Full; s.CpuSlab = null; }
        Slab? next = s.CpuPartialHead;
        if (next is not null)
        {
            s.CpuPartialHead = next.Next;
            next.Next = null;
            s.CpuPartialCount--;
        }
        else next = GetPartialNode(s) ?? pages.NewSlab(s, gfp);
        if (next is null) return null;
        next.List = SlabListKind.CpuSlab;
        s.CpuSlab = next;
        return next;
    }

    /// <summary>get_partial_node (mm/slub.c): take the first node-partial slab for the CPU and move
    /// more to the per-CPU partial list until more than cpu_partial_slabs/2 were moved.</summary>
    private Slab? GetPartialNode(KmemCache s)
    {
        Slab? first = null;
        int partialSlabs = 0;
        while (s.NodeHead is { } slab)
        {
            s.RemovePartial(slab);
            if (first is null) first = slab;
            else { PutCpuPartial(s, slab, drain: false); partialSlabs++; }
            if (partialSlabs > s.Layout.CpuPartialSlabs / 2) break;
        }
        return first;
    }

    /// <summary>__slab_free (mm/slub.c), kernel-spec §5.3.</summary>
    public void Free(KmemCache s, Slab slab, int index)
    {
        bool wasFull = slab.FreeCount == 0;
        slab.PutObject(index);
        s.InuseObjs--;
        switch (slab.List)
        {
            case SlabListKind.CpuSlab:
            case SlabListKind.CpuPartial:
                return;
            case SlabListKind.Full when wasFull:
                PutCpuPartial(s, slab, drain: true);
                return;
            case SlabListKind.NodePartial:
                s.NoteNodePartialFree();
                if (slab.Inuse == 0 && s.NrPartial >= s.Layout.MinPartial)
                {
                    s.RemovePartial(slab);
                    pages.DiscardSlab(s, slab, "last object freed and the node already keeps min_partial partial slabs");
                }
                return;
        }
    }

    /// <summary>put_cpu_partial (mm/slub.c): push a slab on the per-CPU partial list; when draining a
    /// list that already holds cpu_partial_slabs, move that whole list to the node first.</summary>
    private void PutCpuPartial(KmemCache s, Slab slab, bool drain)
    {
        Slab? old = s.CpuPartialHead;
        Slab? toPut = null;
        if (old is not null && drain && s.CpuPartialCount >= s.Layout.CpuPartialSlabs)
        {
            toPut = old;
            old = null;
            s.CpuPartialCount = 0;
        }
        slab.Next = old;
        slab.List = SlabListKind.CpuPartial;
        s.CpuPartialHead = slab;
        s.CpuPartialCount++;
        if (toPut is not null) PutPartials(s, toPut);
    }

    /// <summary>__put_partials (mm/slub.c): unfreeze per-CPU partial slabs onto the node list,
    /// discarding empty ones while the node already has min_partial slabs.</summary>
    private void PutPartials(KmemCache s, Slab? list)
    {
        while (list is not null)
        {
            Slab slab = list;
            list = slab.Next;
            slab.Next = null;
            if (slab.Inuse == 0 && s.NrPartial >= s.Layout.MinPartial)
            {
                slab.List = SlabListKind.Full;
                pages.DiscardSlab(s, slab, "empty per-CPU partial slab unfrozen while the node keeps min_partial slabs");
            }
            else s.AddPartial(slab, tail: true);
        }
    }

    /// <summary>flush_cpu_slab (mm/slub.c): deactivate_slab of the CPU slab, then __put_partials.</summary>
    public void FlushCpuSlab(KmemCache s)
    {
        if (s.CpuSlab is { } slab)
        {
            s.CpuSlab = null;
            if (slab.Inuse == 0 && s.NrPartial >= s.Layout.MinPartial)
            {
                slab.List = SlabListKind.Full;
                pages.DiscardSlab(s, slab, "empty CPU slab deactivated while the node keeps min_partial slabs");
            }
            else if (slab.FreeCount > 0) s.AddPartial(slab, tail: false);
            else slab.List = SlabListKind.Full;
        }
        Slab? partials = s.CpuPartialHead;
        s.CpuPartialHead = null;
        s.CpuPartialCount = 0;
        PutPartials(s, partials);
    }

    /// <summary>__kmem_cache_do_shrink (mm/slub.c): flush, free every empty node-partial slab, and
    /// rebuild the partial list fullest first. Returns the number of slabs freed.</summary>
    public int Shrink(KmemCache s)
    {
        long before = s.NumSlabs;
        FlushCpuSlab(s);
        const int ShrinkPromoteMax = 32;
        var promote = new List<Slab>[ShrinkPromoteMax];
        var rest = new List<Slab>();
        foreach (Slab slab in s.NodePartialSlabs().ToList())
        {
            s.RemovePartial(slab);
            int free = slab.FreeCount;
            if (slab.Inuse == 0) pages.DiscardSlab(s, slab, "kmem_cache_shrink frees every empty slab");
            else if (free - 1 < ShrinkPromoteMax) (promote[free - 1] ??= []).Add(slab);
            else rest.Add(slab);
        }
        foreach (List<Slab>? bucket in promote)
            if (bucket is not null)
                foreach (Slab slab in bucket) s.AddPartial(slab, tail: true);
        foreach (Slab slab in rest) s.AddPartial(slab, tail: true);
        return (int)(before - s.NumSlabs);
    }
}
