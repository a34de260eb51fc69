// Models the read-only SLUB attributes of /sys/kernel/slab/NAME/ (mm/slub.c *_show functions),
// kernel-spec §5.1-§5.3: object_size, slab_size, order, objs_per_slab, align, min_partial,
// cpu_partial, objects, slabs, partial, aliases, reclaim_account, hwcache_align, destroy_by_rcu,
// cache_dma. Each prints "%u\n" (objects/slabs/partial print the node total as "%lu N0=%lu").
using MemQuest.Engine.Slab;

namespace MemQuest.Engine.Procfs;

public static class SlabSysfs
{
    /// <summary>Attribute names in the order `ls` lists them.</summary>
    public static readonly string[] Attributes =
    [
        "aliases", "align", "cache_dma", "cpu_partial", "destroy_by_rcu", "hwcache_align", "min_partial",
        "object_size", "objects", "objs_per_slab", "order", "partial", "reclaim_account", "slab_size", "slabs",
    ];

    /// <summary>The text of one attribute, or null when there is no such attribute.</summary>
    public static string? Read(KmemCache c, string attribute) => attribute switch
    {
        "aliases" => $"{c.Refcount - 1}\n",
        "align" => $"{c.Layout.AlignBytes}\n",
        "cache_dma" => Flag(c, SlabFlags.CacheDma),
        "cpu_partial" => $"{c.Layout.CpuPartial}\n",
        "destroy_by_rcu" => Flag(c, SlabFlags.TypesafeByRcu),
        "hwcache_align" => Flag(c, SlabFlags.HwcacheAlign),
        "min_partial" => $"{c.Layout.MinPartial}\n",
        "object_size" => $"{c.ObjectSizeBytes}\n",
        "objects" => $"{c.ActiveObjs} N0={c.ActiveObjs}\n",
        "objs_per_slab" => $"{c.Layout.ObjPerSlab}\n",
        "order" => $"{c.Layout.Order}\n",
        "partial" => $"{c.NrPartial} N0={c.NrPartial}\n",
        "reclaim_account" => Flag(c, SlabFlags.ReclaimAccount),
        "slab_size" => $"{c.SizeBytes}\n",
        "slabs" => $"{c.NumSlabs} N0={c.NumSlabs}\n",
        _ => null,
    };

    private static string Flag(KmemCache c, SlabFlags f) => (c.Flags & f) != 0 ? "1\n" : "0\n";
}
