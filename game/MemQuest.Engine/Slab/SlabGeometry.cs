// Models the geometry half of mm/slub.c and mm/slab_common.c, kernel-spec §5.1-§5.3:
// calculate_alignment, calculate_sizes, calculate_order/calc_slab_order (the 6.8+ algorithm),
// set_min_partial and set_cpu_partial. Pure integer functions of (object size, align, flags, CPUs).
// Invariants: ObjPerSlab = (4096 << Order) / SizeBytes; SizeBytes is a multiple of AlignBytes.
// Not modelled: slub_debug metadata (red zones, tracking), KASAN, slub_min/max_order boot params.
namespace MemQuest.Engine.Slab;

public static class SlabGeometry
{
    /// <summary>cache_line_size() on x86-64.</summary>
    public const int CacheLineBytes = 64;
    /// <summary>slub_max_order default (PAGE_ALLOC_COSTLY_ORDER).</summary>
    public const int SlubMaxOrder = 3;
    /// <summary>MAX_OBJS_PER_PAGE: objects per slab fit in 15 bits.</summary>
    public const int MaxObjsPerPage = 32767;
    private const int PointerBytes = 8;

    /// <summary>calculate_alignment (mm/slab_common.c), kernel-spec §5.1: HWCACHE_ALIGN starts at the
    /// cache line and halves while the object fits twice; never below 8 (arch_slab_minalign).</summary>
    public static int CalculateAlignment(SlabFlags flags, int align, int sizeBytes)
    {
        if ((flags & SlabFlags.HwcacheAlign) != 0)
        {
            int ralign = CacheLineBytes;
            while (sizeBytes <= ralign / 2) ralign /= 2;
            align = Math.Max(align, ralign);
        }
        align = Math.Max(align, PointerBytes);
        return (int)Units.Align(align, PointerBytes);
    }

    /// <summary>create_boot_cache/create_kmalloc_cache (mm/slab_common.c), kernel-spec §5.1: kmalloc
    /// caches align to the largest power of two dividing the size.</summary>
    public static int RequestedAlign(KmemCacheArgs args) =>
        (args.Flags & SlabFlags.Kmalloc) != 0
            ? Math.Max(args.AlignBytes, args.ObjectSizeBytes & -args.ObjectSizeBytes)
            : args.AlignBytes;

    /// <summary>min_objects in calculate_order (mm/slub.c), kernel-spec §5.2: 4 * (fls(nr_cpus) + 1).</summary>
    public static int MinObjects(int cpus) => 4 * (Units.Fls((ulong)Math.Max(cpus, 1)) + 1);

    private static int OrderObjects(int order, int sizeBytes) => (int)((Units.PageSize << order) / sizeBytes);

    /// <summary>calc_slab_order (mm/slub.c), kernel-spec §5.2: the first order in [minOrder, maxOrder]
    /// whose leftover is at most 1/fraction of the slab; maxOrder + 1 if none.</summary>
    public static int CalcSlabOrder(int sizeBytes, int minOrder, int maxOrder, int fraction)
    {
        int order;
        for (order = minOrder; order <= maxOrder; order++)
        {
            long slabBytes = Units.PageSize << order;
            if (slabBytes % sizeBytes <= slabBytes / fraction) break;
        }
        return order;
    }

    /// <summary>calculate_order (mm/slub.c, 6.8+), kernel-spec §5.2.</summary>
    public static int CalculateOrder(int sizeBytes, int cpus)
    {
        int minObjects = MinObjects(cpus);
        int maxObjects = Math.Max(OrderObjects(SlubMaxOrder, sizeBytes), 1);
        minObjects = Math.Min(minObjects, maxObjects);
        int minOrder = Units.GetOrder((long)minObjects * sizeBytes);
        if (OrderObjects(minOrder, sizeBytes) > MaxObjsPerPage)
            return Units.GetOrder((long)sizeBytes * MaxObjsPerPage) - 1;
        for (int fraction = 16; fraction > 1; fraction /= 2)
        {
            int order = CalcSlabOrder(sizeBytes, minOrder, SlubMaxOrder, fraction);
            if (order <= SlubMaxOrder) return order;
        }
        int fallback = Units.GetOrder(sizeBytes);
        if (fallback > Units.MaxPageOrder) throw new ArgumentOutOfRangeException(nameof(sizeBytes), $"object of {sizeBytes} bytes does not fit in an order-{Units.MaxPageOrder} slab");
        return fallback;
    }

    /// <summary>set_min_partial (mm/slub.c), kernel-spec §5.3: clamp(ilog2(size)/2, 5, 10).</summary>
    public static int MinPartial(int sizeBytes) => Math.Clamp(Units.ILog2((ulong)sizeBytes) / 2, 5, 10);

    /// <summary>set_cpu_partial (mm/slub.c), kernel-spec §5.3: objects kept on per-CPU partial slabs.</summary>
    public static int CpuPartial(int sizeBytes) =>
        sizeBytes >= Units.PageSize ? 6 : sizeBytes >= 1024 ? 24 : sizeBytes >= 256 ? 52 : 120;

    /// <summary>calculate_sizes (mm/slub.c), kernel-spec §5.1-§5.3: the whole layout of a cache.</summary>
    public static SlabLayout CalculateSizes(KmemCacheArgs args, int cpus)
    {
        if (args.ObjectSizeBytes <= 0) throw new ArgumentOutOfRangeException(nameof(args), "object size must be positive");
        int size = (int)Units.Align(args.ObjectSizeBytes, PointerBytes);
        int offset = (int)Units.AlignDown(args.ObjectSizeBytes / 2, PointerBytes);
        bool rcuOutside = (args.Flags & SlabFlags.TypesafeByRcu) != 0 && (args.Flags & SlabFlags.FreeptrOffset) == 0;
        if (rcuOutside || (args.Flags & SlabFlags.Ctor) != 0)
        {
            offset = size;
            size += PointerBytes;
        }
        int align = CalculateAlignment(args.Flags, RequestedAlign(args), args.ObjectSizeBytes);
        size = (int)Units.Align(size, align);
        int order = CalculateOrder(size, cpus);
        int minOrder = Units.GetOrder(size);
        int cpuPartial = CpuPartial(size);
        int objs = OrderObjects(order, size);
        return new SlabLayout(size, align, offset, order, objs, Math.Min(minOrder, order), OrderObjects(Math.Min(minOrder, order), size),
            MinPartial(size), cpuPartial, (cpuPartial * 2 + objs - 1) / objs);
    }

    /// <summary>The size find_mergeable (mm/slab_common.c) compares: ALIGN(size, 8), then aligned.</summary>
    public static (int SizeBytes, int AlignBytes) MergeSize(KmemCacheArgs args)
    {
        int size = (int)Units.Align(args.ObjectSizeBytes, PointerBytes);
        int align = CalculateAlignment(args.Flags, RequestedAlign(args), size);
        return ((int)Units.Align(size, align), align);
    }
}
