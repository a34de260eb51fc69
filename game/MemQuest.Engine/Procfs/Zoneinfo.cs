// Models /proc/zoneinfo (zoneinfo_show_print, mm/vmstat.c), kernel-spec §4.3, 6.18 layout: per-node
// counters under the first populated zone, watermarks, spans, protection, zone counters, then the
// per-CPU pagesets (sized by zone_batchsize/zone_highsize, §2.3; counts 0 as after a drain).
using System.Text;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Procfs;

public static class Zoneinfo
{
    public sealed record Pageset(long Count, long High, long Batch, long HighMin, long HighMax, int StatThreshold);

    public sealed record ZoneBlock(
        string Name, bool Populated, bool PrintNodeStats, long Free, long Boost, long Min, long Low, long High, long Promo,
        long Spanned, long Present, long Managed, long Cma, long[] Protection, long[] ZoneStats,
        IReadOnlyList<Pageset> Pagesets, bool NodeUnreclaimable, long StartPfn);

    public sealed record Model(int Node, long[] NodeStats, IReadOnlyList<ZoneBlock> Zones);

    /// <summary>vmstat_item_print_in_thp: these node counters are kept in pages but printed in huge pages.</summary>
    private static readonly NodeStatItem[] ThpItems =
    [
        NodeStatItem.NrAnonTransparentHugepages, NodeStatItem.NrShmemHugepages, NodeStatItem.NrShmemPmdmapped,
        NodeStatItem.NrFileHugepages, NodeStatItem.NrFilePmdmapped,
    ];

    public static Model Compute(PgData node, int cpus, bool nodeUnreclaimable = false)
    {
        Zone? first = node.Zones.FirstOrDefault(z => z.IsPopulated);
        var blocks = new List<ZoneBlock>();
        foreach (Zone z in node.Zones)
        {
            long[] zoneStats = (long[])z.Stat.Clone();
            zoneStats[(int)ZoneStatItem.NrFreePages] = z.NrFreePages;
            zoneStats[(int)ZoneStatItem.NrFreePagesBlocks] = z.NrFreePagesBlocks;
            long batch = ZoneBatchsize(z.ManagedPages);
            long highMin = Math.Max(z.Watermarks.Low / cpus, batch << 2);
            long highMax = Math.Max(z.ManagedPages / 8 / cpus, batch << 2);
            var pageset = new Pageset(0, z.PcpUsed ? highMin : 0, batch, highMin, highMax, StatThreshold(z.ManagedPages, cpus));
            blocks.Add(new ZoneBlock(z.Name, z.IsPopulated, z == first, z.NrFreePages, z.Watermarks.Boost,
                z.Watermarks.Min, z.Watermarks.Low, z.Watermarks.High, z.Watermarks.Promo,
                z.SpannedPages, z.PresentPages, z.ManagedPages, 0, (long[])z.LowmemReserve.Clone(), zoneStats,
                Enumerable.Repeat(pageset, cpus).ToList(), nodeUnreclaimable, z.StartPfn));
        }
        return new Model(node.NodeId, (long[])node.Stat.Clone(), blocks);
    }

    /// <summary>zone_batchsize (mm/page_alloc.c, 6.18), kernel-spec §2.3.</summary>
    public static long ZoneBatchsize(long managedPages)
    {
        long batch = Math.Min(managedPages >> 12, 64);
        if (batch <= 1) return 1;
        return Units.RounddownPowOfTwo(batch + batch / 2) - 1;
    }

    /// <summary>calculate_normal_threshold (mm/vmstat.c): the per-CPU counter slop.</summary>
    public static int StatThreshold(long managedPages, int cpus)
    {
        long mem = managedPages >> (27 - Units.PageShift);
        long threshold = 2L * Units.Fls((ulong)cpus) * (1 + Units.Fls((ulong)mem));
        return (int)Math.Min(125, threshold);
    }

    public static string Render(Model model)
    {
        var sb = new StringBuilder();
        foreach (ZoneBlock z in model.Zones)
        {
            sb.Append($"Node {model.Node}, zone {z.Name,8}");
            if (z.PrintNodeStats)
            {
                sb.Append("\n  per-node stats");
                for (int i = 0; i < (int)NodeStatItem.Count; i++)
                {
                    long v = model.NodeStats[i];
                    if (Array.IndexOf(ThpItems, (NodeStatItem)i) >= 0) v /= Units.PageblockNrPages;
                    sb.Append($"\n      {NodeStatNames.All[i],-12} {v}");
                }
            }
            sb.Append($"\n  pages free     {z.Free}\n        boost    {z.Boost}\n        min      {z.Min}\n        low      {z.Low}");
            sb.Append($"\n        high     {z.High}\n        promo    {z.Promo}\n        spanned  {z.Spanned}\n        present  {z.Present}");
            sb.Append($"\n        managed  {z.Managed}\n        cma      {z.Cma}\n        protection: ({string.Join(", ", z.Protection)})");
            if (!z.Populated) { sb.Append('\n'); continue; }
            for (int i = 0; i < (int)ZoneStatItem.Count; i++) sb.Append($"\n      {ZoneStatNames.All[i],-12} {z.ZoneStats[i]}");
            sb.Append("\n  pagesets");
            for (int cpu = 0; cpu < z.Pagesets.Count; cpu++)
            {
                Pageset p = z.Pagesets[cpu];
                sb.Append($"\n    cpu: {cpu}\n              count:    {p.Count}\n              high:     {p.High}\n              batch:    {p.Batch}");
                sb.Append($"\n              high_min: {p.HighMin}\n              high_max: {p.HighMax}\n  vm stats threshold: {p.StatThreshold}");
            }
            sb.Append($"\n  node_unreclaimable:  {(z.NodeUnreclaimable ? 1 : 0)}\n  start_pfn:           {z.StartPfn}\n");
        }
        return sb.ToString();
    }
}
