// The SLUB caches that hold VFS objects (kernel-spec §5): dentry, ext4_inode_cache and inode_cache,
// as the Slab subsystem creates them at boot (SLAB_RECLAIM_ACCOUNT: their slabs are Reclaimable
// pages counted in SReclaimable). A thin handle over SlabAllocator's kmem_cache_alloc/free; the
// dcache's own objects come on top of the ones boot already holds in these caches.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Slab;

namespace MemQuest.Engine.Dcache;

public sealed class VfsSlabCache
{
    /// <summary>The handle value meaning "no object" (kmem_cache_alloc's failure value).</summary>
    public const long NoObject = -1;

    private readonly SlabAllocator _slab;
    private KmemCache? _cache;

    public VfsSlabCache(SlabAllocator slab, string name)
    {
        _slab = slab;
        Name = name;
    }

    /// <summary>The boot-created cache (looked up on first use: slab boot runs after the Machine is built).</summary>
    public KmemCache Cache => _cache ??= _slab.Find(Name) ?? throw new InvalidOperationException($"slab cache {Name} was not created at boot");
    public string Name { get; }
    /// <summary>Objects this cache hands out that the dcache holds now.</summary>
    public long DcacheObjects { get; private set; }

    /// <summary>kmem_cache_alloc(cache, GFP_KERNEL): an object address, or NoObject.</summary>
    public long Alloc()
    {
        long h = _slab.KmemCacheAlloc(Cache, GfpFlags.GfpKernel);
        if (h != NoObject) DcacheObjects++;
        return h;
    }

    /// <summary>kmem_cache_free.</summary>
    public void Free(long handle)
    {
        _slab.KmemCacheFree(Cache, handle);
        DcacheObjects--;
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(Name);
        w.Add(DcacheObjects);
    }
}
