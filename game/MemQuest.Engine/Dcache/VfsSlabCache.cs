// Stand-in for the SLUB caches that hold VFS objects (mm/slub.c; kernel-spec §5): dentry,
// ext4_inode_cache and inode_cache, with the geometry /proc/slabinfo shows on 6.18 (oracle
// slab-geometry.json). Slabs are real buddy pages allocated with __GFP_RECLAIMABLE, so they count
// in SReclaimable (NR_SLAB_RECLAIMABLE) and sit in Reclaimable pageblocks. Objects fill the first
// slab with room; a slab whose last object is freed goes back to the buddy allocator at once.
// Handle = slab number * 64 + object index. Replace by the Slab subsystem's KmemCache when merged.
// Not modelled: per-CPU slabs and sheaves, min_partial empty slabs kept around, slab merging.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Dcache;

public sealed class VfsSlabCache
{
    private readonly PgData _node;
    private readonly PageAllocator _alloc;
    private readonly List<long> _slabPfn = [];
    private readonly List<ulong> _used = [];

    public VfsSlabCache(string name, int objSizeBytes, int objPerSlab, int order, PgData node, PageAllocator alloc)
    {
        if (objPerSlab is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(objPerSlab));
        Name = name;
        ObjSizeBytes = objSizeBytes;
        ObjPerSlab = objPerSlab;
        Order = order;
        _node = node;
        _alloc = alloc;
    }

    public string Name { get; }
    public int ObjSizeBytes { get; }
    public int ObjPerSlab { get; }
    public int Order { get; }
    public long ActiveObjs { get; private set; }
    public long NumSlabs { get; private set; }
    public long NumObjs => NumSlabs * ObjPerSlab;

    /// <summary>kmem_cache_alloc(GFP_KERNEL | __GFP_RECLAIMABLE): a handle, or -1 when no slab page could be had.</summary>
    public long Alloc()
    {
        for (int s = 0; s < _slabPfn.Count; s++)
        {
            if (_slabPfn[s] < 0 || _used[s] == Full) continue;
            return Take(s);
        }
        long pfn = _alloc.AllocPages(Order, GfpFlags.GfpKernel | GfpFlags.Reclaimable);
        if (pfn < 0) return -1;
        _node.Map.Flags[pfn] |= PageFlags.Slab;
        _node.AddStat(NodeStatItem.NrSlabReclaimable, 1L << Order);
        NumSlabs++;
        int slot = _slabPfn.IndexOf(-1);
        if (slot < 0) { slot = _slabPfn.Count; _slabPfn.Add(pfn); _used.Add(0); }
        else _slabPfn[slot] = pfn;
        return Take(slot);
    }

    private ulong Full => ObjPerSlab == 64 ? ulong.MaxValue : (1UL << ObjPerSlab) - 1;

    private long Take(int slab)
    {
        int obj = System.Numerics.BitOperations.TrailingZeroCount(~_used[slab]);
        _used[slab] |= 1UL << obj;
        ActiveObjs++;
        return slab * 64L + obj;
    }

    /// <summary>kmem_cache_free: an empty slab is discarded (discard_slab → __free_pages).</summary>
    public void Free(long handle)
    {
        int slab = (int)(handle / 64), obj = (int)(handle % 64);
        if (slab >= _slabPfn.Count || (_used[slab] & (1UL << obj)) == 0)
            throw new InvalidOperationException($"{Name}: double free of object {handle}");
        _used[slab] &= ~(1UL << obj);
        ActiveObjs--;
        if (_used[slab] != 0) return;
        long pfn = _slabPfn[slab];
        _slabPfn[slab] = -1;
        NumSlabs--;
        _node.AddStat(NodeStatItem.NrSlabReclaimable, -(1L << Order));
        _alloc.FreePages(pfn, Order);
    }

    /// <summary>Pfns of the slab pages, ascending slab number (for tests).</summary>
    public IEnumerable<long> SlabPfns() => _slabPfn.Where(p => p >= 0);

    public void AddToDigest(DigestWriter w)
    {
        w.Add(Name); w.Add(ActiveObjs); w.Add(NumSlabs);
        for (int s = 0; s < _slabPfn.Count; s++) { w.Add(_slabPfn[s]); w.Add((long)_used[s]); }
    }
}
