// Models the kmalloc size classes of include/linux/slab.h and mm/slab_common.c, kernel-spec §6:
// kmalloc_info[] (names and sizes), __kmalloc_index / kmalloc_size_index, kmalloc_type and
// kmalloc_size_roundup. Pure functions; the caches themselves live in SlabAllocator.
// Not modelled: CONFIG_RANDOM_KMALLOC_CACHES (off on the reference box), kmalloc buckets.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Slab;

public static class Kmalloc
{
    /// <summary>KMALLOC_SHIFT_HIGH = PAGE_SHIFT + 1: the largest slab class is 8 KiB (KMALLOC_MAX_CACHE_SIZE).</summary>
    public const int MaxCacheSizeBytes = 8192;
    /// <summary>KMALLOC_MAX_SIZE = 1 &lt;&lt; (MAX_PAGE_ORDER + PAGE_SHIFT) = 4 MiB.</summary>
    public const long MaxSizeBytes = 1L << (Units.MaxPageOrder + Units.PageShift);
    /// <summary>ZERO_SIZE_PTR ((void *)16): what kmalloc(0) returns.</summary>
    public const long ZeroSizePtr = 16;
    public const int KmallocShiftLow = 3;
    public const int KmallocShiftHigh = 13;

    private static readonly byte[] SizeIndex = [3, 4, 5, 5, 6, 6, 6, 6, 1, 1, 1, 1, 7, 7, 7, 7, 2, 2, 2, 2, 2, 2, 2, 2];
    private static readonly string[] ShortNames = ["0", "96", "192", "8", "16", "32", "64", "128", "256", "512", "1k", "2k", "4k", "8k"];

    /// <summary>Cache indices in creation order (kmalloc_info[1..13]: 96 and 192 first).</summary>
    public static IEnumerable<int> Indices => Enumerable.Range(1, KmallocShiftHigh);

    /// <summary>kmalloc_info[i].size: index 1 = 96, 2 = 192, n ≥ 3 = 2^n bytes.</summary>
    public static int SizeOfIndex(int index) => index switch
    {
        1 => 96,
        2 => 192,
        >= KmallocShiftLow and <= KmallocShiftHigh => 1 << index,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>kmalloc_size_index / __kmalloc_index (mm/slab_common.c), kernel-spec §6.2, for 1..8192 bytes.</summary>
    public static int Index(long sizeBytes)
    {
        if (sizeBytes <= 0 || sizeBytes > MaxCacheSizeBytes) throw new ArgumentOutOfRangeException(nameof(sizeBytes), "kmalloc slab classes cover 1..8192 bytes");
        return sizeBytes <= 192 ? SizeIndex[(sizeBytes - 1) / 8] : Units.Fls((ulong)(sizeBytes - 1));
    }

    /// <summary>kmalloc_type (include/linux/slab.h): DMA beats reclaimable beats accounted.</summary>
    public static KmallocType TypeOf(GfpFlags gfp) =>
        (gfp & (GfpFlags.Dma | GfpFlags.Reclaimable | GfpFlags.Account)) == 0 ? KmallocType.Normal
        : (gfp & GfpFlags.Dma) != 0 ? KmallocType.Dma
        : (gfp & GfpFlags.Reclaimable) != 0 ? KmallocType.Reclaim
        : KmallocType.Cgroup;

    /// <summary>kmalloc_cache_name (mm/slab_common.c): kmalloc-96, kmalloc-rcl-1k, dma-kmalloc-8, kmalloc-cg-8k.</summary>
    public static string CacheName(KmallocType type, int index) => type switch
    {
        KmallocType.Normal => "kmalloc-" + ShortNames[index],
        KmallocType.Reclaim => "kmalloc-rcl-" + ShortNames[index],
        KmallocType.Dma => "dma-kmalloc-" + ShortNames[index],
        _ => "kmalloc-cg-" + ShortNames[index],
    };

    /// <summary>The cache a plain GFP_KERNEL kmalloc of this size uses, e.g. 100 → "kmalloc-128".</summary>
    public static string CacheNameFor(long sizeBytes) => CacheName(KmallocType.Normal, Index(sizeBytes));

    /// <summary>kmalloc_size_roundup (mm/slab_common.c), kernel-spec §6.3.</summary>
    public static long SizeRoundup(long sizeBytes) =>
        sizeBytes <= 0 ? 0
        : sizeBytes <= MaxCacheSizeBytes ? SizeOfIndex(Index(sizeBytes))
        : Units.PageSize << Units.GetOrder(sizeBytes);

    /// <summary>The SLAB_* flags new_kmalloc_cache (mm/slab_common.c) gives each type; normal
    /// caches are SLAB_NO_MERGE under CONFIG_MEMCG, and all have a usercopy region.</summary>
    public static SlabFlags FlagsOf(KmallocType type) => SlabFlags.Kmalloc | SlabFlags.Usercopy | type switch
    {
        KmallocType.Reclaim => SlabFlags.ReclaimAccount,
        KmallocType.Dma => SlabFlags.CacheDma,
        KmallocType.Cgroup => SlabFlags.Account,
        _ => SlabFlags.NoMerge,
    };
}
