// Models the fragmentation indices of mm/vmstat.c (fill_contig_page_info, unusable_free_index,
// __fragmentation_index) and their debugfs files extfrag/unusable_index and extfrag/extfrag_index,
// kernel-spec §4.4. Near 0 a failing request lacks memory; near 1000 it is fragmentation.
using System.Text;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Procfs;

public static class Extfrag
{
    public sealed record ContigPageInfo(ulong FreePages, ulong FreeBlocksTotal, ulong FreeBlocksSuitable);

    /// <summary>fill_contig_page_info over free block counts per order.</summary>
    public static ContigPageInfo FillContigPageInfo(IReadOnlyList<long> nrFree, int suitableOrder)
    {
        ulong free = 0, total = 0, suitable = 0;
        for (int o = 0; o < nrFree.Count; o++)
        {
            ulong blocks = (ulong)nrFree[o];
            total += blocks;
            free += blocks << o;
            if (o >= suitableOrder) suitable += blocks << (o - suitableOrder);
        }
        return new ContigPageInfo(free, total, suitable);
    }

    /// <summary>unusable_free_index: per mille of free memory unusable for an allocation of this order.</summary>
    public static int UnusableFreeIndex(int order, ContigPageInfo info)
    {
        if (info.FreePages == 0) return 1000;
        return (int)((info.FreePages - (info.FreeBlocksSuitable << order)) * 1000UL / info.FreePages);
    }

    /// <summary>__fragmentation_index: -1000 if a suitable block exists, else 0 (no memory) .. 1000 (fragmented).</summary>
    public static int FragmentationIndex(int order, ContigPageInfo info)
    {
        ulong requested = 1UL << order;
        if (info.FreeBlocksTotal == 0) return 0;
        if (info.FreeBlocksSuitable != 0) return -1000;
        return (int)(1000 - (1000 + info.FreePages * 1000 / requested) / info.FreeBlocksTotal);
    }

    /// <summary>"%d.%03d " (unusable) or "%2d.%03d " (extfrag) with C division semantics.</summary>
    public static string FormatIndex(int index, bool extfrag)
    {
        int whole = index / 1000, frac = Math.Abs(index % 1000);
        return extfrag ? $"{whole,2}.{frac:000} " : $"{whole}.{frac:000} ";
    }

    public static string RenderUnusable(PgData node) => Render(node, extfrag: false);

    public static string RenderExtfrag(PgData node) => Render(node, extfrag: true);

    private static string Render(PgData node, bool extfrag)
    {
        var sb = new StringBuilder();
        foreach (Zone z in node.PopulatedZones)
        {
            long[] counts = Enumerable.Range(0, Units.NrPageOrders).Select(o => z.NrFree(o)).ToArray();
            sb.Append($"Node {node.NodeId}, zone {z.Name,8} ");
            for (int order = 0; order < Units.NrPageOrders; order++)
            {
                ContigPageInfo info = FillContigPageInfo(counts, order);
                int index = extfrag ? FragmentationIndex(order, info) : UnusableFreeIndex(order, info);
                sb.Append(FormatIndex(index, extfrag));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
