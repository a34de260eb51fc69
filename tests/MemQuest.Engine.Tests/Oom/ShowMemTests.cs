// The Mem-Info block of a global OOM report (mm/show_mem.c __show_mem / show_free_areas, 6.18;
// mm/hugetlb.c hugetlb_show_meminfo_node; mm/swap_state.c show_swap_cache_info), kernel-spec §14.5
// item 2. Every expected value is recomputed here from the engine's /proc views (vmstat_text
// counters, zoneinfo, buddyinfo, pagetypeinfo, meminfo), not from ShowMem itself, and the lines are
// laid out from the kernel's format strings.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Oom;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Procfs;

namespace MemQuest.Engine.Tests.Oom;

public sealed class ShowMemTests
{
    private const long MiB = 1024 * 1024;
    private const string Letters = "UMEHI";          // show_migration_types without CONFIG_CMA

    /// <summary>A 128 MiB box with 8 MiB of swap, panic_on_oom=1 so the report is the last thing that
    /// happens: the counters the test reads afterwards are those the report printed.</summary>
    private static Machine OomPanickedBox()
    {
        var spec = new MachineSpec(128 * 1024, 2, SwapKb: 8 * 1024)
        {
            Sysctls = [new("overcommit_memory", "1"), new("panic_on_oom", "1")],
        };
        Machine m = Machine.Boot(spec, 1);
        m.Processes.Add(new Process(1, "systemd", 0, new MmStruct { RssAnonPages = 3000 }));
        LabProgram.Spawn(m.Mm, "sh", 1, 0, new LabProgramSpec(0, 0));
        LabProgram.Spawn(m.Mm, "hog", 1, 0, new LabProgramSpec(200 * MiB, 200 * MiB));
        Assert.True(m.Panicked);
        return m;
    }

    private static List<string> Unstamped(Machine m) => [.. m.Kmsg.Lines.Select(l => l[(l.IndexOf("] ", StringComparison.Ordinal) + 2)..])];

    /// <summary>The expected block, built from the kernel's format strings and the /proc views.</summary>
    private static List<string> Expected(Machine m, ZoneType maxZoneIdx)
    {
        var vmstat = Engine.Procfs.Vmstat.Compute(m).ToDictionary(kv => kv.Key, kv => kv.Value);
        long V(string name) => vmstat[name];
        long K(long pages) => pages * 4;
        long Thp(string name) => V(name) * 512;                      // /proc/vmstat prints these in huge pages
        Meminfo.Values mi = Meminfo.Compute(m);
        Zoneinfo.Model zi = Zoneinfo.Compute(m.Node, m.Cpus);
        var buddy = Buddyinfo.Compute(m.Node).ToDictionary(r => r.Zone);
        var types = Pagetypeinfo.Compute(m.Node).ToDictionary(r => r.Zone);
        List<Zoneinfo.ZoneBlock> zones = [.. zi.Zones.Where((z, i) => z.Populated && i <= (int)maxZoneIdx)];
        long Zs(Zoneinfo.ZoneBlock z, string name) => z.ZoneStats[Array.IndexOf(ZoneStatNames.All, name)];

        var e = new List<string>
        {
            "Mem-Info:",
            $"active_anon:{V("nr_active_anon")} inactive_anon:{V("nr_inactive_anon")} isolated_anon:{V("nr_isolated_anon")}",
            $" active_file:{V("nr_active_file")} inactive_file:{V("nr_inactive_file")} isolated_file:{V("nr_isolated_file")}",
            $" unevictable:{V("nr_unevictable")} dirty:{V("nr_dirty")} writeback:{V("nr_writeback")}",
            $" slab_reclaimable:{V("nr_slab_reclaimable")} slab_unreclaimable:{V("nr_slab_unreclaimable")}",
            $" mapped:{V("nr_mapped")} shmem:{V("nr_shmem")} pagetables:{V("nr_page_table_pages")}",
            $" sec_pagetables:{V("nr_sec_page_table_pages")} bounce:0",
            $" kernel_misc_reclaimable:{V("nr_kernel_misc_reclaimable")}",
            $" free:{V("nr_free_pages")} free_pcp:0 free_cma:{V("nr_free_cma")}",
            $"Node 0 active_anon:{K(V("nr_active_anon"))}kB inactive_anon:{K(V("nr_inactive_anon"))}kB active_file:{K(V("nr_active_file"))}kB"
                + $" inactive_file:{K(V("nr_inactive_file"))}kB unevictable:{K(V("nr_unevictable"))}kB isolated(anon):{K(V("nr_isolated_anon"))}kB"
                + $" isolated(file):{K(V("nr_isolated_file"))}kB mapped:{K(V("nr_mapped"))}kB dirty:{K(V("nr_dirty"))}kB"
                + $" writeback:{K(V("nr_writeback"))}kB shmem:{K(V("nr_shmem"))}kB shmem_thp:{K(Thp("nr_shmem_hugepages"))}kB"
                + $" shmem_pmdmapped:{K(Thp("nr_shmem_pmdmapped"))}kB anon_thp:{K(Thp("nr_anon_transparent_hugepages"))}kB"
                + $" kernel_stack:{V("nr_kernel_stack")}kB pagetables:{K(V("nr_page_table_pages"))}kB"
                + $" sec_pagetables:{K(V("nr_sec_page_table_pages"))}kB all_unreclaimable? {(m.Kswapd.Failures >= 16 ? "yes" : "no")}"
                + $" Balloon:{K(V("nr_balloon_pages"))}kB",
        };
        foreach (Zoneinfo.ZoneBlock z in zones)
        {
            long highatomicFree = 0;
            for (int o = 0; o < Units.NrPageOrders; o++) highatomicFree += types[z.Name].FreeCounts[(int)MigrateType.HighAtomic][o] << o;
            e.Add($"Node 0 {z.Name} free:{K(z.Free)}kB boost:{K(z.Boost)}kB min:{K(z.Min)}kB low:{K(z.Low)}kB high:{K(z.High)}kB"
                + $" reserved_highatomic:0KB free_highatomic:{K(highatomicFree)}KB"
                + $" active_anon:{K(Zs(z, "nr_zone_active_anon"))}kB inactive_anon:{K(Zs(z, "nr_zone_inactive_anon"))}kB"
                + $" active_file:{K(Zs(z, "nr_zone_active_file"))}kB inactive_file:{K(Zs(z, "nr_zone_inactive_file"))}kB"
                + $" unevictable:{K(Zs(z, "nr_zone_unevictable"))}kB writepending:{K(Zs(z, "nr_zone_write_pending"))}kB"
                + $" present:{K(z.Present)}kB managed:{K(z.Managed)}kB mlocked:{K(Zs(z, "nr_mlock"))}kB bounce:0kB"
                + $" free_pcp:{K(z.Pagesets.Sum(p => p.Count))}kB local_pcp:{K(z.Pagesets[0].Count)}kB free_cma:{K(Zs(z, "nr_free_cma"))}kB");
            e.Add("lowmem_reserve[]:" + string.Concat(z.Protection.Select(p => $" {p}")));
        }
        foreach (Zoneinfo.ZoneBlock z in zones)
        {
            string line = $"Node 0 {z.Name}: ";
            long total = 0;
            for (int o = 0; o < Units.NrPageOrders; o++)
            {
                long nr = buddy[z.Name].NrFree[o];
                total += nr << o;
                line += $"{nr}*{4L << o}kB ";
                if (nr != 0)
                    line += "(" + string.Concat(Enumerable.Range(0, 5).Where(t => types[z.Name].FreeCounts[t][o] != 0).Select(t => Letters[t])) + ") ";
            }
            e.Add(line + $"= {K(total)}kB");
        }
        e.Add("Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=1048576kB");
        e.Add("Node 0 hugepages_total=0 hugepages_free=0 hugepages_surp=0 hugepages_size=2048kB");
        e.Add($"{V("nr_file_pages")} total pagecache pages");
        e.Add($"{mi["SwapCached"] / 4} pages in swap cache");
        e.Add($"Free swap  = {mi["SwapFree"]}kB");
        e.Add($"Total swap = {mi["SwapTotal"]}kB");
        e.Add($"{zones.Sum(z => z.Present)} pages RAM");
        e.Add("0 pages HighMem/MovableOnly");
        e.Add($"{zones.Sum(z => z.Present - z.Managed)} pages reserved");
        return e;
    }

    [Fact]                         // mm/show_mem.c __show_mem, via dump_header (mm/oom_kill.c)
    public void GlobalOom_MemInfoBlock_EveryLineFromTheCounters()
    {
        Machine m = OomPanickedBox();
        List<string> log = Unstamped(m);
        int header = log.FindIndex(l => l.Contains(" invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE)"));
        Assert.True(header >= 0);
        List<string> expected = Expected(m, ZoneType.Normal);
        Assert.Equal(expected, log.GetRange(header + 1, expected.Count));
        // the state behind the block is the one the engine was in: swap full, free pages below min
        Assert.Contains("Free swap  = 0kB", expected);
        Assert.Contains("Total swap = 8192kB", expected);
        Assert.Contains(m.Zones, z => z.IsPopulated && z.Type == ZoneType.Dma);
    }

    [Fact]                         // dump_header: header, Mem-Info, task table, then the panic (no kill)
    public void GlobalOom_SectionOrder()
    {
        Machine m = OomPanickedBox();
        List<string> log = Unstamped(m);
        int header = log.FindIndex(l => l.Contains(" invoked oom-killer: "));
        int memInfo = log.IndexOf("Mem-Info:");
        int firstZone = log.FindIndex(l => l.StartsWith("Node 0 DMA free:", StringComparison.Ordinal));
        int firstFreeList = log.FindIndex(l => l.StartsWith("Node 0 DMA: ", StringComparison.Ordinal));
        int huge = log.FindIndex(l => l.StartsWith("Node 0 hugepages_total=", StringComparison.Ordinal));
        int pagecache = log.FindIndex(l => l.EndsWith(" total pagecache pages", StringComparison.Ordinal));
        int swap = log.IndexOf("Total swap = 8192kB");
        int reserved = log.FindIndex(l => l.EndsWith(" pages reserved", StringComparison.Ordinal));
        int tasks = log.IndexOf(OomReport.TasksStateLine);
        int panic = log.FindIndex(l => l.StartsWith("Kernel panic - not syncing: Out of memory", StringComparison.Ordinal));
        int[] order = [header, memInfo, firstZone, firstFreeList, huge, pagecache, swap, reserved, tasks, panic];
        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order().ToArray(), order);
        Assert.Equal(header + 1, memInfo);
        Assert.Equal(reserved + 1, tasks);
    }

    [Fact]                         // for_each_populated_zone with zone_idx(zone) > max_zone_idx skipped
    public void MaxZoneIdx_Dma32_LeavesNormalOut()
    {
        Machine m = Machine.Boot(new MachineSpec(8L * 1024 * 1024, 2), 1);
        Assert.True(m.Zones[(int)ZoneType.Normal].IsPopulated);
        List<string> lines = ShowMem.Lines(m, ZoneType.Dma32);
        Assert.Equal(Expected(m, ZoneType.Dma32), lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Node 0 Normal", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Node 0 DMA32: ", StringComparison.Ordinal));
        Assert.Equal(Expected(m, ZoneType.Normal), ShowMem.Lines(m, ZoneType.Normal));
        Assert.Contains(ShowMem.Lines(m, ZoneType.Normal), l => l.StartsWith("Node 0 Normal: ", StringComparison.Ordinal));
    }

    [Fact]                         // show_free_areas: "%lu*%lukB " then "(%s) " only for non-empty orders
    public void FreeAreaLine_KnownDmaZone()
    {
        Machine m = Machine.Boot(new MachineSpec(128 * 1024, 2), 1);
        Zone dma = m.Zones[(int)ZoneType.Dma];
        string line = ShowMem.FreeAreaLine(0, dma);
        Assert.StartsWith("Node 0 DMA: ", line);
        Assert.EndsWith($" = {dma.NrFreePages * 4}kB", line);
        Assert.Equal(Units.NrPageOrders, line.Split("kB ").Length - 1);
        Assert.Contains("*4096kB ", line);
    }
}
