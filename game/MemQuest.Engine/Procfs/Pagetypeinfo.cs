// Models /proc/pagetypeinfo (pagetypeinfo_show, mm/vmstat.c), kernel-spec §4.2: free blocks per
// order and migratetype (capped at 100000 with a ">" mark), then pageblocks per migratetype.
using System.Text;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Procfs;

public static class Pagetypeinfo
{
    public static readonly string[] TypeNames = ["Unmovable", "Movable", "Reclaimable", "HighAtomic", "Isolate"];
    private const long ListCap = 100000;

    /// <summary>FreeCounts[type][order]; BlockCounts[type].</summary>
    public sealed record ZoneRow(int Node, string Zone, long[][] FreeCounts, long[] BlockCounts);

    public static IReadOnlyList<ZoneRow> Compute(PgData node)
    {
        var rows = new List<ZoneRow>();
        foreach (Zone z in node.PopulatedZones)
        {
            var free = new long[TypeNames.Length][];
            for (int mt = 0; mt < TypeNames.Length; mt++)
            {
                free[mt] = new long[Units.NrPageOrders];
                for (int o = 0; o < Units.NrPageOrders; o++) free[mt][o] = z.NrFreeOfType(o, (MigrateType)mt);
            }
            rows.Add(new ZoneRow(node.NodeId, z.Name, free, CountBlocks(node.Map, z)));
        }
        return rows;
    }

    /// <summary>pagetypeinfo_showblockcount_print: one pageblock per step from start_pfn, present pages only.</summary>
    private static long[] CountBlocks(MemMap map, Zone z)
    {
        var counts = new long[TypeNames.Length];
        long presentEnd = z.StartPfn + z.PresentPages + (z.Type == ZoneType.Dma ? z.SpannedPages - z.PresentPages : 0);
        for (long pfn = z.StartPfn; pfn < Math.Min(z.EndPfn, presentEnd); pfn += Units.PageblockNrPages)
            counts[(int)map.GetPageblockMigratetype(pfn)]++;
        return counts;
    }

    public static string Render(IEnumerable<ZoneRow> rows)
    {
        var list = rows.ToList();
        var sb = new StringBuilder();
        sb.Append($"Page block order: {Units.PageblockOrder}\n");
        sb.Append($"Pages per block:  {Units.PageblockNrPages}\n\n");
        sb.Append($"{"Free pages count per migrate type at order",-43} ");
        for (int o = 0; o < Units.NrPageOrders; o++) sb.Append($"{o,6} ");
        sb.Append('\n');
        foreach (ZoneRow r in list)
            for (int mt = 0; mt < TypeNames.Length; mt++)
            {
                sb.Append($"Node {r.Node,4}, zone {r.Zone,8}, type {TypeNames[mt],12} ");
                foreach (long n in r.FreeCounts[mt])
                    sb.Append(n >= ListCap ? $">{ListCap,6} " : $"{n,6} ");
                sb.Append('\n');
            }
        sb.Append('\n');
        sb.Append($"{"Number of blocks type ",-23}");
        foreach (string t in TypeNames) sb.Append($"{t,12} ");
        sb.Append('\n');
        foreach (ZoneRow r in list)
        {
            sb.Append($"Node {r.Node}, zone {r.Zone,8} ");
            foreach (long n in r.BlockCounts) sb.Append($"{n,12} ");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static string Render(PgData node) => Render(Compute(node));
}
