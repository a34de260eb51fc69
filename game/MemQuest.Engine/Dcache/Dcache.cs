// Models the dentry and inode caches of one superblock (fs/dcache.c, fs/inode.c, fs/super.c) with
// their shrinker (super_cache_count / super_cache_scan driven by do_shrink_slab, mm/shrinker.c),
// kernel-spec §13.3 and §13.5: every path lookup or file creation brings a dentry (and, when the
// inode is not cached, an ext4_inode_cache object read from the inode table) into the cache; unused
// dentries sit on an LRU and are freed by reclaim in proportion to vfs_cache_pressure, or all at once
// by drop_caches 2. An inode whose dentry is gone stays while it still has page-cache pages.
// Invariants: an object exists iff its handle != -1; pinned dentries (the root, directories with
//   cached children, mapped files) are never on the LRU.
// Objects come from the Slab subsystem's dentry / ext4_inode_cache / inode_cache / shmem_inode_cache (VfsSlabCache).
// Not modelled: negative dentries, the inode hash, ext4's extent-status shrinker, per-memcg LRUs.
using MemQuest.Engine.Filemap;
using MemQuest.Engine.Slab;

namespace MemQuest.Engine.Dcache;

public sealed class Dcache
{
    /// <summary>DEFAULT_SEEKS (include/linux/shrinker.h).</summary>
    public const int DefaultSeeks = 2;
    /// <summary>SHRINK_BATCH (mm/shrinker.c).</summary>
    public const int ShrinkBatch = 128;

    private readonly DentryLru _dentryLru = new();
    private readonly LinkedList<Inode> _inodeLru = new();
    private readonly Dictionary<int, LinkedListNode<Inode>> _inodeLruNodes = new();

    public Dcache(SlabAllocator slab)
    {
        DentryCache = new VfsSlabCache(slab, "dentry");
        Ext4InodeCache = new VfsSlabCache(slab, "ext4_inode_cache");
        InodeCache = new VfsSlabCache(slab, "inode_cache");
        ShmemInodeCache = new VfsSlabCache(slab, "shmem_inode_cache");
    }

    /// <summary>tmpfs/devtmpfs inodes (shmem_alloc_inode).</summary>
    public VfsSlabCache ShmemInodeCache { get; }

    public VfsSlabCache DentryCache { get; }
    public VfsSlabCache Ext4InodeCache { get; }
    /// <summary>Generic inodes (the block device's bdev inode lives here).</summary>
    public VfsSlabCache InodeCache { get; }

    public IEnumerable<VfsSlabCache> Caches => [DentryCache, Ext4InodeCache, InodeCache, ShmemInodeCache];

    public long UnusedDentries => _dentryLru.Count;

    /// <summary>Not kernel state: counts every event that frees a dentry or inode or clears DCACHE_REFERENCED.
    /// While it stays the same, bringing an inode whose dentry and inode are cached and referenced again
    /// changes nothing (FileSystem's path walk uses this to resume from the directory it walked last).</summary>
    internal long Evictions { get; private set; }
    public long UnusedInodes => _inodeLru.Count;

    /// <summary>d_alloc + d_add for a looked-up or created name; false when no slab page could be had.</summary>
    public bool AllocDentry(Inode inode)
    {
        if (inode.DentryHandle != VfsSlabCache.NoObject) { inode.DentryReferenced = true; return true; }
        long h = DentryCache.Alloc();
        if (h == VfsSlabCache.NoObject) return false;
        inode.DentryHandle = h;
        RemoveFromInodeLru(inode);
        if (inode.Parent is { } parent) Unpin(parent);
        if (!IsPinned(inode)) _dentryLru.AddLast(inode);
        return true;
    }

    /// <summary>alloc_inode (ext4_alloc_inode): the in-memory inode; false when no slab page could be had.</summary>
    public bool AllocInode(Inode inode)
    {
        if (inode.InodeHandle != VfsSlabCache.NoObject) return true;
        long h = CacheFor(inode).Alloc();
        if (h == VfsSlabCache.NoObject) return false;
        inode.InodeHandle = h;
        return true;
    }

    private VfsSlabCache CacheFor(Inode inode) =>
        inode.Kind == InodeKind.BlockDevice ? InodeCache : inode.IsShmem ? ShmemInodeCache : Ext4InodeCache;

    /// <summary>A dentry is pinned (d_count &gt; 0) when it is the root, a directory with cached children, mapped,
    /// or on a tmpfs (shmem_mknod takes an extra reference: the dentry is the file until unlink).</summary>
    private static bool IsPinned(Inode inode) =>
        inode.Parent is null || inode.IsShmem || inode.MapCount > 0 || inode.ChildrenWithDentry > 0;

    /// <summary>A child's dentry pins its parent: take the parent off the LRU.</summary>
    private void Unpin(Inode dir)
    {
        if (!dir.OnDentryLru) return;
        _dentryLru.Remove(dir);
    }

    /// <summary>Re-evaluate whether a dentry belongs on the LRU (after a mapping or a child went away).</summary>
    public void Repin(Inode inode)
    {
        if (inode.DentryHandle == VfsSlabCache.NoObject) return;
        bool pinned = IsPinned(inode);
        if (pinned && inode.OnDentryLru) Unpin(inode);
        else if (!pinned && !inode.OnDentryLru) _dentryLru.AddLast(inode);
    }

    /// <summary>d_delete + iput_final + destroy_inode for an unlinked file (rm).</summary>
    public void Forget(Inode inode)
    {
        if (inode.DentryHandle != VfsSlabCache.NoObject) FreeDentry(inode);
        RemoveFromInodeLru(inode);
        if (inode.InodeHandle != VfsSlabCache.NoObject) { CacheFor(inode).Free(inode.InodeHandle); inode.InodeHandle = -1; Evictions++; }
    }

    private void FreeDentry(Inode inode)
    {
        if (inode.OnDentryLru) _dentryLru.Remove(inode);
        DentryCache.Free(inode.DentryHandle);
        inode.DentryHandle = -1;
        inode.DentryReferenced = false;
        Evictions++;
        if (inode.InodeHandle != VfsSlabCache.NoObject && !_inodeLruNodes.ContainsKey(inode.Ino))
            _inodeLruNodes[inode.Ino] = _inodeLru.AddLast(inode);
        if (inode.Parent is { } parent) Repin(parent);
    }

    private void RemoveFromInodeLru(Inode inode)
    {
        if (!_inodeLruNodes.Remove(inode.Ino, out LinkedListNode<Inode>? node)) return;
        _inodeLru.Remove(node);
    }

    /// <summary>super_cache_count (fs/super.c): unused dentries + unused inodes, scaled by
    /// vfs_pressure_ratio = mult_frac(n, vfs_cache_pressure, 100).</summary>
    public long CountObjects(long vfsCachePressure) =>
        Units.MultFrac(_dentryLru.Count + _inodeLru.Count, vfsCachePressure, 100);

    /// <summary>super_cache_scan (fs/super.c): split <paramref name="nrToScan"/> between the dentry and
    /// inode LRUs by their sizes, then prune_dcache_sb and prune_icache_sb. Returns objects freed.</summary>
    public long ScanObjects(long nrToScan)
    {
        long dentries = _dentryLru.Count, inodes = _inodeLru.Count;
        long total = dentries + inodes + 1;
        long scanDentries = Units.MultFrac(nrToScan, dentries, total) + 1;
        long scanInodes = Units.MultFrac(nrToScan, inodes, total) + 1;
        return PruneDcache(scanDentries) + PruneIcache(scanInodes);
    }

    /// <summary>prune_dcache_sb / dentry_lru_isolate (fs/dcache.c): from the cold end, a referenced dentry
    /// loses DCACHE_REFERENCED and rotates; an unreferenced one is freed.</summary>
    private long PruneDcache(long nrToScan)
    {
        long freed = 0;
        for (long i = 0; i < nrToScan && _dentryLru.First is { } inode; i++)
        {
            if (inode.DentryReferenced)
            {
                inode.DentryReferenced = false;
                Evictions++;
                _dentryLru.Remove(inode);
                _dentryLru.AddLast(inode);
                continue;
            }
            FreeDentry(inode);
            freed++;
        }
        return freed;
    }

    /// <summary>prune_icache_sb / inode_lru_isolate (fs/inode.c): an unused inode is freed unless its
    /// mapping still holds pages or shadow entries (mapping_shrinkable is false), in which case it is skipped.</summary>
    private long PruneIcache(long nrToScan)
    {
        long freed = 0;
        var node = _inodeLru.First;
        for (long i = 0; i < nrToScan && node is not null; i++)
        {
            var next = node.Next;
            Inode inode = node.Value;
            if (inode.MappingShrinkable)
            {
                inode.ClearShadows();   // evict → truncate_inode_pages_final: the lone head shadow goes with it
                RemoveFromInodeLru(inode);
                CacheFor(inode).Free(inode.InodeHandle);
                inode.InodeHandle = -1;
                Evictions++;
                freed++;
            }
            node = next;
        }
        return freed;
    }

    public void AddToDigest(DigestWriter w)
    {
        foreach (VfsSlabCache c in Caches) c.AddToDigest(w);
        _dentryLru.AddToDigest(w);
        foreach (Inode i in _inodeLru) w.Add(i.Ino);
    }
}
