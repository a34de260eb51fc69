// Models slab_flags_t (include/linux/slab.h) as far as SLUB's layout, order and merging depend on
// them (kernel-spec §5.1, §5.4), plus three facts kmem_cache_create learns from its other
// arguments: a constructor (ctor), a usercopy region (usersize != 0) and an explicit free-pointer
// offset (kmem_cache_args.use_freeptr_offset). Values are this model's, not the kernel's bits.
// Not modelled: debug flags (SLAB_RED_ZONE, SLAB_POISON, SLAB_STORE_USER): slub_debug is off.
namespace MemQuest.Engine.Slab;

[Flags]
public enum SlabFlags
{
    None = 0,
    /// <summary>SLAB_HWCACHE_ALIGN: align objects on a cache line (halved while the object fits twice).</summary>
    HwcacheAlign = 1 << 0,
    /// <summary>SLAB_RECLAIM_ACCOUNT: pages are __GFP_RECLAIMABLE and count in SReclaimable.</summary>
    ReclaimAccount = 1 << 1,
    /// <summary>SLAB_CACHE_DMA: pages come from ZONE_DMA.</summary>
    CacheDma = 1 << 2,
    /// <summary>SLAB_TYPESAFE_BY_RCU: slab pages are freed after an RCU grace period; never merged.</summary>
    TypesafeByRcu = 1 << 3,
    /// <summary>SLAB_ACCOUNT: objects are charged to the memory cgroup.</summary>
    Account = 1 << 4,
    /// <summary>SLAB_NO_MERGE (or a 6.18 sheaf capacity): never merged with another cache.</summary>
    NoMerge = 1 << 5,
    /// <summary>SLAB_KMALLOC: a kmalloc cache; alignment is at least the size's largest power-of-two divisor.</summary>
    Kmalloc = 1 << 6,
    /// <summary>The cache has a constructor: free pointer after the object, never merged.</summary>
    Ctor = 1 << 7,
    /// <summary>usersize != 0 (hardened usercopy whitelist): never merged.</summary>
    Usercopy = 1 << 8,
    /// <summary>TYPESAFE_BY_RCU with an explicit freeptr_offset: the free pointer stays inside the object.</summary>
    FreeptrOffset = 1 << 9,
    /// <summary>create_boot_cache (kmem_cache, kmem_cache_node): refcount -1, never merged.</summary>
    BootCache = 1 << 10,

    /// <summary>SLAB_NEVER_MERGE plus the other reasons slab_unmergeable() gives.</summary>
    Unmergeable = TypesafeByRcu | NoMerge | Ctor | Usercopy | BootCache,
    /// <summary>SLAB_MERGE_SAME: flags two caches must share to merge.</summary>
    MergeSame = ReclaimAccount | CacheDma | Account,
}
