// Models /proc/vmstat (mm/vmstat.c vmstat_start/vmstat_show), 6.18 order: the zone counters summed
// over zones, the node counters, the writeback thresholds and memmap counts, then every vm event,
// and the legacy nr_unstable line; one "name value" line each. THP node counters are in huge pages.
// Not modelled: per-CPU counter drift (values are exact), NUMA balancing and THP events (0).
using System.Text;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Procfs;

public static class Vmstat
{
    private static readonly NodeStatItem[] ThpItems =
    [
        NodeStatItem.NrAnonTransparentHugepages, NodeStatItem.NrShmemHugepages, NodeStatItem.NrShmemPmdmapped,
        NodeStatItem.NrFileHugepages, NodeStatItem.NrFilePmdmapped,
    ];

    /// <summary>Every /proc/vmstat line as (name, value), in file order.</summary>
    public static IReadOnlyList<KeyValuePair<string, long>> Compute(Machine m)
    {
        PgData node = m.Node;
        var lines = new List<KeyValuePair<string, long>>();
        for (int i = 0; i < (int)ZoneStatItem.Count; i++)
        {
            long sum = 0;
            foreach (Zone z in node.Zones)
                sum += (ZoneStatItem)i switch
                {
                    ZoneStatItem.NrFreePages => z.NrFreePages,
                    ZoneStatItem.NrFreePagesBlocks => z.NrFreePagesBlocks,
                    _ => z.Stat[i],
                };
            lines.Add(new(ZoneStatNames.All[i], sum));
        }
        for (int i = 0; i < (int)NodeStatItem.Count; i++)
        {
            long v = node.Stat[i];
            if (Array.IndexOf(ThpItems, (NodeStatItem)i) >= 0) v /= Units.PageblockNrPages;
            lines.Add(new(NodeStatNames.All[i], v));
        }
        var (thresh, bg) = m.Fs.Writeback.DirtyLimits();
        lines.Add(new("nr_dirty_threshold", thresh));
        lines.Add(new("nr_dirty_background_threshold", bg));
        lines.Add(new("nr_memmap_pages", 0));
        lines.Add(new("nr_memmap_boot_pages", MemmapBootPages(node)));
        for (int i = 0; i < (int)VmEventItem.Count; i++)
            lines.Add(new(VmEventNames.All[i], m.VmEvents[(VmEventItem)i]));
        lines.Add(new("nr_unstable", 0));
        return lines;
    }

    /// <summary>mem_map at 64 bytes per present page, allocated from memblock at boot.</summary>
    public static long MemmapBootPages(PgData node)
    {
        long present = node.Zones.Sum(z => z.PresentPages);
        return (present * 64 + Units.PageSize - 1) / Units.PageSize;
    }

    public static string Render(IReadOnlyList<KeyValuePair<string, long>> lines)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in lines) sb.Append(name).Append(' ').Append(value).Append('\n');
        return sb.ToString();
    }
}
