// Models should_dump_unreclaim_slab (mm/oom_kill.c) and dump_unreclaimable_slab (mm/slab_common.c,
// 6.18, CONFIG_SLUB_DEBUG=y as on the modelled box): after the Mem-Info block of a global OOM, when
// unreclaimable slab holds more pages than all the LRU lists together, the report lists every cache
// without SLAB_RECLAIM_ACCOUNT that has objects, in slab_caches order (newest first, as
// /proc/slabinfo): "%-17s %10luKB %10luKB" with active_objs * size and num_objs * size in kB.
// Not modelled: the "excessive unreclaimable slab but cannot dump stats" line (slab_mutex is never
// contended in the simulation); isolated LRU pages count 0 (nothing stays isolated between ticks).
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Slab;

namespace MemQuest.Engine.Oom;

public static class UnreclaimableSlabDump
{
    public const string TitleLine = "Unreclaimable slab info:";
    public const string HeaderLine = "Name                      Used          Total";

    /// <summary>should_dump_unreclaim_slab (mm/oom_kill.c): NR_SLAB_UNRECLAIMABLE_B pages above the LRU pages.</summary>
    public static bool ShouldDump(PgData node)
    {
        long S(NodeStatItem i) => node.Stat[(int)i];
        long nrLru = S(NodeStatItem.NrActiveAnon) + S(NodeStatItem.NrInactiveAnon) + S(NodeStatItem.NrActiveFile)
            + S(NodeStatItem.NrInactiveFile) + S(NodeStatItem.NrIsolatedAnon) + S(NodeStatItem.NrIsolatedFile)
            + S(NodeStatItem.NrUnevictable);
        return S(NodeStatItem.NrSlabUnreclaimable) > nrLru;
    }

    /// <summary>dump_unreclaimable_slab (mm/slab_common.c): the title, the header, one line per cache.</summary>
    public static List<string> Lines(SlabAllocator slab)
    {
        var lines = new List<string> { TitleLine, HeaderLine };
        for (int i = slab.Caches.Count - 1; i >= 0; i--)                  // list_for_each_entry(s, &slab_caches, list)
        {
            KmemCache c = slab.Caches[i];
            if (c.IsReclaimable || c.NumObjs <= 0) continue;
            lines.Add($"{c.Name,-17} {c.ActiveObjs * c.SizeBytes / 1024,10}KB {c.NumObjs * c.SizeBytes / 1024,10}KB");
        }
        return lines;
    }
}
