// Models the boot and sysctl-time reserve computations of mm/page_alloc.c and mm/khugepaged.c,
// kernel-spec §3.1-§3.3: calculate_min_free_kbytes, set_recommended_min_free_kbytes (the THP
// raise), __setup_per_zone_wmarks, setup_per_zone_lowmem_reserve, calculate_totalreserve_pages.
// Called at boot and whenever min_free_kbytes, watermark_scale_factor or lowmem_reserve_ratio is written.
namespace MemQuest.Engine.PageAlloc;

public static class WatermarkSetup
{
    /// <summary>nr_free_buffer_pages (mm/page_alloc.c): Σ max(managed − high, 0) over zones up to Normal.</summary>
    public static long NrFreeBufferPages(PgData node)
    {
        long sum = 0;
        for (int i = 0; i <= (int)ZoneType.Normal; i++)
        {
            Zone z = node.Zones[i];
            sum += Math.Max(z.ManagedPages - z.Watermarks.HighBase, 0);
        }
        return sum;
    }

    /// <summary>calculate_min_free_kbytes (mm/page_alloc.c), kernel-spec §3.1: int_sqrt(lowmem_kB × 16), clamped 128..262144.</summary>
    public static long CalculateMinFreeKbytes(long lowmemPages)
    {
        long lowmemKbytes = lowmemPages * (Units.PageSize >> 10);
        long value = (long)Units.IntSqrt((ulong)(lowmemKbytes * 16));
        return Math.Clamp(value, 128, 262144);
    }

    /// <summary>set_recommended_min_free_kbytes (mm/khugepaged.c), kernel-spec §3.1: the THP raise,
    /// 5632 pages per populated zone up to Normal, capped at 5 % of lowmem. Returns the new value.</summary>
    public static long RecommendedMinFreeKbytes(PgData node, long currentMinFreeKbytes)
    {
        long nz = 0;
        for (int i = 0; i <= (int)ZoneType.Normal; i++)
            if (node.Zones[i].IsPopulated) nz++;
        long recommended = Units.PageblockNrPages * nz * 2 + Units.PageblockNrPages * nz * 3 * 3;
        recommended = Math.Min(recommended, NrFreeBufferPages(node) / 20);
        long recommendedKb = recommended << (Units.PageShift - 10);
        return Math.Max(recommendedKb, currentMinFreeKbytes);
    }

    /// <summary>__setup_per_zone_wmarks (mm/page_alloc.c), kernel-spec §3.2.</summary>
    public static void SetupPerZoneWmarks(PgData node, long minFreeKbytes, long watermarkScaleFactor)
    {
        long pagesMin = minFreeKbytes >> (Units.PageShift - 10);
        long lowmemPages = 0;
        foreach (Zone z in node.Zones)
            if (z.Type != ZoneType.Movable) lowmemPages += z.ManagedPages;
        foreach (Zone z in node.Zones)
        {
            long tmp = lowmemPages == 0 ? 0 : pagesMin * z.ManagedPages / lowmemPages;
            long min = z.Type == ZoneType.Movable ? Math.Clamp(z.ManagedPages / 1024, 32, 128) : tmp;
            long gap = Math.Max(tmp >> 2, Units.MultFrac(z.ManagedPages, watermarkScaleFactor, 10000));
            z.Watermarks.MinBase = min;
            z.Watermarks.LowBase = min + gap;
            z.Watermarks.HighBase = min + 2 * gap;
            z.Watermarks.PromoBase = min + 3 * gap;
            z.Watermarks.Boost = 0;
        }
    }

    /// <summary>setup_per_zone_lowmem_reserve (mm/page_alloc.c), kernel-spec §3.3.</summary>
    public static void SetupLowmemReserve(PgData node, long[] ratio)
    {
        Zone[] zones = node.Zones;
        for (int i = 0; i < zones.Length; i++)
        {
            long managed = 0;
            Array.Clear(zones[i].LowmemReserve);
            bool clear = i >= ratio.Length || ratio[i] == 0 || zones[i].ManagedPages == 0;
            for (int j = i + 1; j < zones.Length; j++)
            {
                managed += zones[j].ManagedPages;
                zones[i].LowmemReserve[j] = clear ? 0 : managed / ratio[i];
            }
        }
    }

    /// <summary>calculate_totalreserve_pages (mm/page_alloc.c), kernel-spec §3.3.</summary>
    public static long CalculateTotalreservePages(PgData node)
    {
        long total = 0;
        for (int i = 0; i < node.Zones.Length; i++)
        {
            Zone z = node.Zones[i];
            long max = 0;
            for (int j = i; j < node.Zones.Length; j++) max = Math.Max(max, z.LowmemReserve[j]);
            max += z.Watermarks.High;
            total += Math.Min(max, z.ManagedPages);
        }
        node.TotalreservePages = total;
        return total;
    }
}
