// Models the kmem_cache_create calls a 6.18 x86-64 server kernel makes while it boots (the table
// slab_common.c, fork.c, dcache.c, inode.c, ext4, net ... spread over the tree), kernel-spec
// §5.4: each cache's name, object size (sizeof on that config), requested alignment and flags, in
// creation order after the kmalloc caches. Names that the kernel merges into an earlier cache
// (aliases such as inet_peer → :0000192) are listed too; SlabAllocator.KmemCacheCreate merges
// them by find_mergeable, so the catalogue never says which cache an alias lands in. An alias's
// object size is not observable on a running box (sysfs shows the merged cache), so aliases carry
// the object size of the cache they merge into.
// Geometry (objsize, objperslab, pagesperslab) is never stored: SlabGeometry derives it.
namespace MemQuest.Engine.Slab.Catalog;

public static partial class BootCatalog
{
    /// <summary>Every catalogue entry in kmem_cache_create order.</summary>
    public static IReadOnlyList<BootCache> Caches => [.. Part1, .. Part2, .. Part3];

    /// <summary>Boot object formulas of the kmalloc caches, by cache name.</summary>
    public static IReadOnlyList<(string Name, BootObjects Objects)> Kmalloc => KmallocObjects;

    private static BootCache C(string name, int objectSizeBytes, int alignBytes, SlabFlags flags) =>
        new(new KmemCacheArgs(name, objectSizeBytes, alignBytes, flags), null);

    private static BootCache C(string name, int objectSizeBytes, int alignBytes, SlabFlags flags, int fixedObjs, int perCpu, int perGib, int churnPercent) =>
        new(new KmemCacheArgs(name, objectSizeBytes, alignBytes, flags), new BootObjects(fixedObjs, perCpu, perGib, churnPercent));

    private static BootCache Alias(string name, int objectSizeBytes, int alignBytes, SlabFlags flags) =>
        new(new KmemCacheArgs(name, objectSizeBytes, alignBytes, flags), null);
}
