// Models /proc/slabinfo (mm/slab_common.c print_slabinfo_header, slab_show, cache_show; mm/slub.c
// get_slabinfo), kernel-spec §5.4: the two header lines, then one row per cache, newest first.
// Under SLUB the tunables are always 0, active_slabs == num_slabs, and objperslab/pagesperslab
// come from the preferred order s->oo even when some slabs used the fallback order.
// Mode 0400: the console shows it to root only.
using System.Text;
using MemQuest.Engine.Slab;

namespace MemQuest.Engine.Procfs;

public static class Slabinfo
{
    public const string Header =
        "slabinfo - version: 2.1\n"
        + "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n";

    /// <summary>slab_show (mm/slab_common.c): the whole file.</summary>
    public static string Render(SlabAllocator slab)
    {
        var sb = new StringBuilder(Header, 256 * (slab.Caches.Count + 2));
        for (int i = slab.Caches.Count - 1; i >= 0; i--) sb.Append(Row(slab.Caches[i]));
        return sb.ToString();
    }

    /// <summary>cache_show (mm/slab_common.c): "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu".</summary>
    public static string Row(KmemCache c) =>
        $"{c.Name,-17} {c.ActiveObjs,6} {c.NumObjs,6} {c.SizeBytes,6} {c.Layout.ObjPerSlab,4} {c.Layout.PagesPerSlab,4}"
        + $" : tunables {0,4} {0,4} {0,4} : slabdata {c.NumSlabs,6} {c.NumSlabs,6} {0,6}\n";
}
