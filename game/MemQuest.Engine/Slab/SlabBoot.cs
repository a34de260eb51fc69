// Models what kmem_cache_init, create_kmalloc_caches and the rest of boot leave in the slab
// allocator (mm/slub.c, kernel-spec §5.3-§5.4): the bootstrap and kmalloc caches, every cache of
// the boot catalogue (merged like the kernel merges them), and the objects a freshly booted
// server holds, allocated through the real SLUB paths so every slab takes real buddy pages.
// Boot churn: ChurnPercent extra objects are allocated and freed in seeded random order, which
// leaves partial slabs (active_objs below num_objs) the way a real boot does.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Slab.Catalog;

namespace MemQuest.Engine.Slab;

public static class SlabBoot
{
    /// <summary>kmem_cache_init + create_kmalloc_caches + the boot catalogue + boot objects.</summary>
    public static void Boot(SlabAllocator slab, long totalramPages, SimRandom random)
    {
        slab.CreateBootCaches();
        IReadOnlyList<BootCache> catalogue = BootCatalog.Caches;
        foreach (BootCache entry in catalogue) slab.KmemCacheCreate(entry.Args);
        foreach (var (name, objects) in BootCatalog.Kmalloc)
            Populate(slab, slab.Find(name)!, objects, totalramPages, random);
        foreach (BootCache entry in catalogue)
            if (entry.Objects is { } objects)
                Populate(slab, slab.Find(entry.Args.Name)!, objects, totalramPages, random);
    }

    /// <summary>Allocate the live objects plus the churn, then free the churn in random order.</summary>
    private static void Populate(SlabAllocator slab, KmemCache cache, BootObjects objects, long totalramPages, SimRandom random)
    {
        long live = objects.Live(slab.Cpus, totalramPages);
        long extra = live * objects.ChurnPercent / 100;
        long total = live + extra;
        var handles = new long[total];
        for (long i = 0; i < total; i++)
        {
            handles[i] = slab.KmemCacheAlloc(cache, GfpFlags.GfpKernel);
            if (handles[i] == -1) throw new InvalidOperationException($"boot: out of memory filling {cache.Name}; the box is too small for its kernel");
        }
        for (long i = 0; i < extra; i++)
        {
            long j = i + (long)(random.NextUInt64() % (ulong)(total - i));
            (handles[i], handles[j]) = (handles[j], handles[i]);
            slab.KmemCacheFree(cache, handles[i]);
        }
    }
}
