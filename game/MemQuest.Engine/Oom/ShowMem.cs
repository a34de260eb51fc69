// Models __show_mem and show_free_areas (mm/show_mem.c, 6.18), with hugetlb_show_meminfo_node
// (mm/hugetlb.c) and show_swap_cache_info (mm/swap_state.c): the "Mem-Info:" block dump_header
// (mm/oom_kill.c) prints for a global OOM after the call trace, kernel-spec §14.5 item 2. One line
// per printk record (the kernel's multi-line first record keeps its leading spaces, as the
// console prints it). Config of the modelled box (x86-64 6.18, checked on the VM's /proc/config.gz):
// CONFIG_NUMA=y ("Node 0 " prefixes), CONFIG_TRANSPARENT_HUGEPAGE=y (shmem_thp, shmem_pmdmapped,
// anon_thp), CONFIG_MEMORY_ISOLATION=y (migratetype letter I), CONFIG_CMA, CONFIG_MEMORY_FAILURE,
// CONFIG_SHADOW_CALL_STACK and CONFIG_MEM_ALLOC_PROFILING off (no 'C' letter, no "cma reserved",
// "hwpoisoned", shadow_call_stack or allocation-profiling lines), hugetlb with 1 GiB and 2 MiB
// hstates (gbpages: the 1 GiB one registers first).
// Values come from the engine's counters. Printed as a kernel of this config prints them, with no
// engine counterpart: isolated_anon/isolated_file (nothing stays isolated between ticks: 0),
// bounce (6.18 prints a constant 0), free_pcp/local_pcp (the per-CPU lists are drained before an
// OOM, as Zoneinfo shows them: 0), free_cma (no CMA: 0), reserved_highatomic (no highatomic
// reservations are made: 0), the hugetlb pools (none are ever allocated: 0).
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;

namespace MemQuest.Engine.Oom;

public static class ShowMem
{
    public const string MemInfoLine = "Mem-Info:";

    /// <summary>show_migration_types: one letter per migratetype, in enum order (no CMA on this config).</summary>
    private const string MigrateTypeLetters = "UMEHI";

    /// <summary>The hstates hugetlb_show_meminfo_node walks, in registration order, in kB.</summary>
    private static readonly long[] HstateSizesKb = [1048576, 2048];

    /// <summary>__show_mem(SHOW_MEM_FILTER_NODES, NULL, max_zone_idx) as dump_header calls it with
    /// gfp_zone(gfp_mask): zones above <paramref name="maxZoneIdx"/> are left out.</summary>
    public static List<string> Lines(Machine m, ZoneType maxZoneIdx)
    {
        PgData node = m.Node;
        long N(NodeStatItem i) => node.Stat[(int)i];
        List<Zone> zones = [.. node.PopulatedZones.Where(z => z.Type <= maxZoneIdx)];
        long freeCma = node.Zones.Sum(z => z.Stat[(int)ZoneStatItem.NrFreeCma]);
        const long freePcp = 0, isolatedAnon = 0, isolatedFile = 0, bounce = 0;

        var lines = new List<string>
        {
            MemInfoLine,
            $"active_anon:{N(NodeStatItem.NrActiveAnon)} inactive_anon:{N(NodeStatItem.NrInactiveAnon)} isolated_anon:{isolatedAnon}",
            $" active_file:{N(NodeStatItem.NrActiveFile)} inactive_file:{N(NodeStatItem.NrInactiveFile)} isolated_file:{isolatedFile}",
            $" unevictable:{N(NodeStatItem.NrUnevictable)} dirty:{N(NodeStatItem.NrDirty)} writeback:{N(NodeStatItem.NrWriteback)}",
            $" slab_reclaimable:{N(NodeStatItem.NrSlabReclaimable)} slab_unreclaimable:{N(NodeStatItem.NrSlabUnreclaimable)}",
            $" mapped:{N(NodeStatItem.NrMapped)} shmem:{N(NodeStatItem.NrShmem)} pagetables:{N(NodeStatItem.NrPageTablePages)}",
            $" sec_pagetables:{N(NodeStatItem.NrSecPageTablePages)} bounce:{bounce}",
            $" kernel_misc_reclaimable:{N(NodeStatItem.NrKernelMiscReclaimable)}",
            $" free:{node.NrFreePages} free_pcp:{freePcp} free_cma:{freeCma}",
        };

        if (node.Zones.Take((int)maxZoneIdx + 1).Any(z => z.ManagedPages != 0))      // node_has_managed_zones
        {
            string unreclaimable = m.Kswapd.Failures >= Kswapd.MaxReclaimRetries ? "yes" : "no";
            lines.Add($"Node {node.NodeId} active_anon:{K(N(NodeStatItem.NrActiveAnon))}kB inactive_anon:{K(N(NodeStatItem.NrInactiveAnon))}kB"
                + $" active_file:{K(N(NodeStatItem.NrActiveFile))}kB inactive_file:{K(N(NodeStatItem.NrInactiveFile))}kB"
                + $" unevictable:{K(N(NodeStatItem.NrUnevictable))}kB isolated(anon):{K(isolatedAnon)}kB isolated(file):{K(isolatedFile)}kB"
                + $" mapped:{K(N(NodeStatItem.NrMapped))}kB dirty:{K(N(NodeStatItem.NrDirty))}kB writeback:{K(N(NodeStatItem.NrWriteback))}kB"
                + $" shmem:{K(N(NodeStatItem.NrShmem))}kB shmem_thp:{K(N(NodeStatItem.NrShmemHugepages))}kB"
                + $" shmem_pmdmapped:{K(N(NodeStatItem.NrShmemPmdmapped))}kB anon_thp:{K(N(NodeStatItem.NrAnonTransparentHugepages))}kB"
                + $" kernel_stack:{N(NodeStatItem.NrKernelStack)}kB pagetables:{K(N(NodeStatItem.NrPageTablePages))}kB"
                + $" sec_pagetables:{K(N(NodeStatItem.NrSecPageTablePages))}kB all_unreclaimable? {unreclaimable}"
                + $" Balloon:{K(N(NodeStatItem.NrBalloonPages))}kB");
        }

        foreach (Zone z in zones)
        {
            long Z(ZoneStatItem i) => z.Stat[(int)i];
            lines.Add($"Node {node.NodeId} {z.Name} free:{K(z.NrFreePages)}kB boost:{K(z.Watermarks.Boost)}kB"
                + $" min:{K(z.Watermarks.Min)}kB low:{K(z.Watermarks.Low)}kB high:{K(z.Watermarks.High)}kB"
                + $" reserved_highatomic:{K(0)}KB free_highatomic:{K(FreeHighatomicPages(z))}KB"
                + $" active_anon:{K(Z(ZoneStatItem.NrZoneActiveAnon))}kB inactive_anon:{K(Z(ZoneStatItem.NrZoneInactiveAnon))}kB"
                + $" active_file:{K(Z(ZoneStatItem.NrZoneActiveFile))}kB inactive_file:{K(Z(ZoneStatItem.NrZoneInactiveFile))}kB"
                + $" unevictable:{K(Z(ZoneStatItem.NrZoneUnevictable))}kB writepending:{K(Z(ZoneStatItem.NrZoneWritePending))}kB"
                + $" present:{K(z.PresentPages)}kB managed:{K(z.ManagedPages)}kB mlocked:{K(Z(ZoneStatItem.NrMlock))}kB"
                + $" bounce:{bounce}kB free_pcp:{K(freePcp)}kB local_pcp:{K(freePcp)}kB free_cma:{K(Z(ZoneStatItem.NrFreeCma))}kB");
            lines.Add("lowmem_reserve[]: " + string.Join(' ', z.LowmemReserve));
        }

        foreach (Zone z in zones) lines.Add(FreeAreaLine(node.NodeId, z));

        foreach (long sizeKb in HstateSizesKb)
            lines.Add($"Node {node.NodeId} hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size={sizeKb}kB");

        lines.Add($"{N(NodeStatItem.NrFilePages)} total pagecache pages");
        lines.Add($"{m.Swap.SwapCachePages} pages in swap cache");               // show_swap_cache_info
        lines.Add($"Free swap  = {K(m.Swap.FreePages)}kB");
        lines.Add($"Total swap = {K(m.Swap.TotalPages)}kB");

        long present = zones.Sum(z => z.PresentPages);
        lines.Add($"{present} pages RAM");
        lines.Add("0 pages HighMem/MovableOnly");                                 // no CONFIG_HIGHMEM on x86-64
        lines.Add($"{present - zones.Sum(z => z.ManagedPages)} pages reserved");
        return lines;
    }

    /// <summary>The per-order free-list line of show_free_areas: "Node 0 DMA: 1*4kB (U) 2*8kB (UM) ... = 12kB".</summary>
    public static string FreeAreaLine(int nodeId, Zone z)
    {
        var sb = new System.Text.StringBuilder($"Node {nodeId} {z.Name}: ");
        long total = 0;
        for (int order = 0; order < Units.NrPageOrders; order++)
        {
            long nr = z.NrFree(order);
            total += nr << order;
            sb.Append($"{nr}*{K(1) << order}kB ");
            if (nr == 0) continue;
            sb.Append('(');
            for (int t = 0; t < Zone.MigrateTypes; t++)
                if (z.NrFreeOfType(order, (MigrateType)t) != 0) sb.Append(MigrateTypeLetters[t]);
            sb.Append(") ");
        }
        return sb.Append($"= {K(total)}kB").ToString();
    }

    /// <summary>zone->nr_free_highatomic (account_freepages): free pages sitting on MIGRATE_HIGHATOMIC lists.</summary>
    private static long FreeHighatomicPages(Zone z)
    {
        long pages = 0;
        for (int order = 0; order < Units.NrPageOrders; order++)
            pages += z.NrFreeOfType(order, MigrateType.HighAtomic) << order;
        return pages;
    }

    private static long K(long pages) => Units.K(pages);
}
