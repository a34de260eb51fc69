// memory.max → memcg reclaim before the memcg OOM killer, and memory.high → reclaim and throttling
// (mm/memcontrol.c try_charge_memcg, mem_cgroup_handle_over_high; mm/vmscan.c
// try_to_free_mem_cgroup_pages), kernel-spec §13, §14.1.
using MemQuest.Engine.Filemap;
using MemQuest.Engine.Memcg;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Mm.Fault;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Tests.Memcg;

public sealed class MemcgReclaimTests
{
    private const long MiB = 1024 * 1024;
    private const int ShellPid = 1;
    private readonly Machine _m;

    public MemcgReclaimTests() : this(0) { }

    private MemcgReclaimTests(long swapKb)
    {
        _m = Machine.Boot(new MachineSpec(256 * 1024, 2, swapKb) { Sysctls = [new("panic_on_oom", "1")] }, 1);
        Spawn("warmup", 0, null);                             // libc enters the page cache outside any group
    }

    private MemCgroup Group(string path)
    {
        Assert.Equal(Errno.Ok, _m.Cgroups.Mkdir(path));
        return _m.Cgroups.Find(path)!;
    }

    private LabOutcome Spawn(string name, long bytes, MemCgroup? g, long mapBytes = -1)
    {
        if (g is not null) _m.Cgroups.AttachOutsideTask(ShellPid, g);
        try { return LabProgram.Spawn(_m.Mm, name, ShellPid, _m.Tick, new LabProgramSpec(mapBytes < 0 ? bytes : mapBytes, bytes)); }
        finally { _m.Cgroups.AttachOutsideTask(ShellPid, _m.Cgroups.Root); }
    }

    private Inode ReadAs(Process p, string path, long bytes)
    {
        _m.CurrentTask = p;
        try
        {
            Inode f = _m.Fs.EnsureOnDisk(path, bytes, out Errno e) ?? throw new InvalidOperationException(e.ToString());
            _m.FileIo.ReadAll(f);
            return f;
        }
        finally { _m.CurrentTask = null; }
    }

    private long Stat(MemCgroup g, string key) => _m.MemcgStat.Compute(g).Single(r => r.Name == key).Value;

    private long StatPages(MemCgroup g, string key) => Stat(g, key) / Units.PageSize;

    private static long Ev(MemCgroup g, MemcgEvent e) => g.Events[(int)e];

    /// <summary>A task of /web with an 8 MiB mapping (first page touched) and a 16 MiB file it read.</summary>
    private (MemCgroup G, Process P, Inode File, long Addr) CachedGroup(bool limitAtUsage)
    {
        MemCgroup g = Group("/web");
        LabOutcome o = Spawn("api", Units.PageSize, g, mapBytes: 8 * MiB);
        Process p = o.Process!;
        Inode f = ReadAs(p, "/srv/cache.db", 16 * MiB);
        if (limitAtUsage) _m.MemcgCharge.WriteMax(g, g.UsagePages, "bash");
        return (g, p, f, o.FirstMappingAddress);
    }

    [Fact]                         // try_charge_memcg: one page over memory.max → one "max" event, reclaim, no OOM
    public void MemoryMax_OnePageOver_ReclaimsTheGroupsOldestCache_NoOom()
    {
        var (g, p, f, addr) = CachedGroup(limitAtUsage: true);
        long usage = g.UsagePages, file = StatPages(g, "file"), allocstall = _m.VmEvents[VmEventItem.AllocstallNormal];
        Assert.Equal(FaultResult.Minor, _m.Mm.Faults.Handle(p, addr + Units.PageSize, write: true));   // same PTE table: one page

        Assert.Equal(1, Ev(g, MemcgEvent.Max));
        Assert.Equal((0L, 0L, 0L, 0L), (Ev(g, MemcgEvent.Oom), Ev(g, MemcgEvent.OomKill), Ev(g, MemcgEvent.High), Ev(g, MemcgEvent.Low)));
        long reclaimed = file - StatPages(g, "file");
        Assert.True(reclaimed >= Units.SwapClusterMax, $"reclaimed {reclaimed}: try_to_free_mem_cgroup_pages aims at SWAP_CLUSTER_MAX");
        Assert.Equal(usage + 1 - reclaimed, g.UsagePages);
        Assert.Equal(reclaimed, Stat(g, "pgsteal_direct"));                 // every page freed was this group's cache
        Assert.Equal(MemMap.NoPfn, f.PageAt(0));                                 // the oldest cache pages went first
        Assert.NotEqual(MemMap.NoPfn, f.PageAt(16 * MiB / Units.PageSize - 1));
        Assert.Equal(allocstall, _m.VmEvents[VmEventItem.AllocstallNormal]);    // cgroup reclaim is no allocstall
        Assert.Equal(0, _m.VmEvents[VmEventItem.PgstealDirect]);                 // nor global pgsteal_direct
        Assert.DoesNotContain(_m.Kmsg.Lines, l => l.Contains("oom-killer"));
    }

    [Fact]                         // the case: a group with a big cached file and anon growth keeps its task
    public void MemoryMax_AnonGrowth_EatsTheCache_TaskSurvives()
    {
        var (g, p, _, _) = CachedGroup(limitAtUsage: true);
        long fileBefore = StatPages(g, "file");
        LabOutcome o = LabProgram.Grow(_m.Mm, p, 6 * MiB);

        Assert.Equal(LabFailure.None, o.Failure);
        Assert.False(p.Exiting);
        Assert.True(Ev(g, MemcgEvent.Max) > 0);
        Assert.Equal((0L, 0L, 0L, 0L), (Ev(g, MemcgEvent.Oom), Ev(g, MemcgEvent.OomKill), Ev(g, MemcgEvent.High), Ev(g, MemcgEvent.Low)));
        Assert.True(g.UsagePages <= g.MaxPages);
        Assert.Equal(g.UsagePages, StatPages(g, "anon") + StatPages(g, "file") + StatPages(g, "kernel"));
        Assert.Equal(fileBefore - StatPages(g, "file"), Stat(g, "pgsteal"));
        Assert.True(Stat(g, "pgsteal") >= 6 * MiB / Units.PageSize);
    }

    [Fact]                         // without reclaimable pages the same growth ends in the memcg OOM killer
    public void MemoryMax_NoCacheNoSwap_OomKills()
    {
        MemCgroup g = Group("/web");
        Process p = Spawn("api", 4 * MiB, g, mapBytes: 16 * MiB).Process!;
        // exec's write fault on the program's .data (do_cow_fault) left its file page cached in /web, unmapped;
        // drop it (echo 1 > drop_caches) so the group has no cache at all, only anon and page tables.
        Assert.Equal(1, StatPages(g, "file") - StatPages(g, "file_mapped"));
        Assert.Equal(Errno.Ok, _m.Sysctls.Write(SysctlCatalog.DropCaches, "1"));
        Assert.Equal(0, StatPages(g, "file") - StatPages(g, "file_mapped"));
        _m.MemcgCharge.WriteMax(g, g.UsagePages, "bash");
        LabOutcome o = LabProgram.Grow(_m.Mm, p, 6 * MiB);
        Assert.Equal(LabFailure.PageAllocationFailed, o.Failure);
        Assert.True(p.Exiting);
        // 1 + 1 (after drain_all_stock) + MAX_RECLAIM_RETRIES "max" events before mem_cgroup_oom kills the charger
        // itself (the biggest task); the dying charger retries once + MAX_RECLAIM_RETRIES more, then gives up
        // (passed_oom && task_is_dying()).
        long expected = 1 + 1 + MemcgCharge.MaxReclaimRetries + 1 + MemcgCharge.MaxReclaimRetries;
        Assert.Equal((expected, 1L, 1L), (Ev(g, MemcgEvent.Max), Ev(g, MemcgEvent.Oom), Ev(g, MemcgEvent.OomKill)));
        Assert.Equal(0, Stat(g, "pgsteal"));
    }

    [Fact]                         // with swap, memcg reclaim may take the group's anon pages (get_scan_count, §13.1)
    public void MemoryMax_AnonOnlyWithSwap_SwapsOutInsteadOfOom()
    {
        var t = new MemcgReclaimTests(64 * 1024);
        MemCgroup g = t.Group("/batch");
        g.MaxPages = 2560;                                     // 10 MiB
        LabOutcome o = t.Spawn("hog", 16 * MiB, g);
        Assert.Equal(LabFailure.None, o.Failure);
        Assert.Equal((0L, 0L), (Ev(g, MemcgEvent.Oom), Ev(g, MemcgEvent.OomKill)));
        Assert.True(g.UsagePages <= g.MaxPages);
        long swapped = o.Process!.Mm!.SwapEntsPages;
        Assert.True(swapped > 0);
        Assert.Equal(swapped, t.Stat(g, "pswpout"));
        Assert.Equal(t._m.VmEvents[VmEventItem.Pswpout], t.Stat(g, "pswpout"));
    }

    [Fact]                         // memory_high_write: reclaim down to the new high, no event, no OOM
    public void WriteHigh_BelowUsage_ReclaimsCacheToHigh()
    {
        var (g, _, _, _) = CachedGroup(limitAtUsage: false);
        long target = g.UsagePages - 1024;
        _m.MemcgCharge.WriteHigh(g, target);
        Assert.True(g.UsagePages <= target);
        Assert.Equal(target, g.HighPages);
        Assert.Equal((0L, 0L, 0L), (Ev(g, MemcgEvent.High), Ev(g, MemcgEvent.Max), Ev(g, MemcgEvent.Oom)));
    }

    [Fact]                         // over high with nothing to reclaim: high events, a sleep, never an OOM kill
    public void MemoryHigh_AnonGrowthNoSwap_ThrottlesNeverOoms()
    {
        MemCgroup g = Group("/web");
        g.HighPages = 1024;                                    // 4 MiB
        LabOutcome o = Spawn("api", 16 * MiB, g);
        Assert.Equal(LabFailure.None, o.Failure);
        Assert.False(o.Process!.Exiting);
        Assert.True(g.UsagePages > 4 * g.HighPages);
        Assert.Equal((0L, 0L, 0L), (Ev(g, MemcgEvent.Max), Ev(g, MemcgEvent.Oom), Ev(g, MemcgEvent.OomKill)));
        // Each payment of 64 pages reclaims once, then MAX_RECLAIM_RETRIES more times, each a "high" event.
        // The one exception: the group's only cache, the program's .data file page that exec's write fault
        // (do_cow_fault) read and mapped only as an anon copy, goes in the first payment's first reclaim, and a
        // reclaim that made progress is retried without using up a retry: one "high" event more per such page.
        const long cowFilePages = 1;
        Assert.Equal(cowFilePages, Stat(g, "pgsteal"));
        long highEvents = Ev(g, MemcgEvent.High) - cowFilePages;
        Assert.True(highEvents > 0);
        Assert.Equal(0, highEvents % (1 + MemcgCharge.MaxReclaimRetries));
        // The last sleep: usage is far above high, so calculate_high_delay hits the 2 s clamp (2 * HZ jiffies).
        Assert.Equal(MemcgOverHigh.MemcgMaxHighDelayJiffies, _m.MemcgCharge.OverHigh.LastPenaltyJiffies);
        long payments = highEvents / (1 + MemcgCharge.MaxReclaimRetries);
        Assert.True(_m.MemcgCharge.OverHigh.ThrottledUntilMs(o.Process.Pid) > _m.UptimeMs);
        Assert.True(_m.MemcgCharge.OverHigh.ThrottledUntilMs(o.Process.Pid) <= payments * 2000);
    }

    [Fact]                         // over high with cache: reclaim keeps up, so no sleep and usage stays near high
    public void MemoryHigh_WithCache_ReclaimKeepsUpWithoutSleeping()
    {
        var (g, p, _, _) = CachedGroup(limitAtUsage: false);
        g.HighPages = g.UsagePages;
        LabOutcome o = LabProgram.Grow(_m.Mm, p, 4 * MiB);
        Assert.Equal(LabFailure.None, o.Failure);
        Assert.Equal(0, _m.MemcgCharge.OverHigh.ThrottledUntilMs(p.Pid));
        Assert.True(Ev(g, MemcgEvent.High) > 0);
        Assert.True(g.UsagePages <= g.HighPages + MemcgOverHigh.MemcgChargeBatch);
        Assert.Equal(0, Ev(g, MemcgEvent.Oom));
    }

    [Theory]                       // calculate_overage / calculate_high_delay, worked by hand (HZ 250)
    [InlineData(1100, 1024, 64, 77824, 88)]     // (76 << 20) / 1024 = 77824; 77824² × 250 >> 34 = 88
    [InlineData(1100, 1024, 32, 77824, 44)]     // half a batch: half the delay
    [InlineData(2048, 1024, 64, 1 << 20, 16000)] // 2^40 × 250 >> 34 = 16000 (clamped to 500 by the caller)
    [InlineData(1024, 1024, 64, 0, 0)]
    public void HighDelay_KernelArithmetic(long usage, long high, long nrPages, long overage, long jiffies)
    {
        Assert.Equal((ulong)overage, MemcgOverHigh.CalculateOverage(usage, high));
        Assert.Equal((ulong)jiffies, MemcgOverHigh.CalculateHighDelay(nrPages, (ulong)overage));
        Assert.Equal(500UL, MemcgOverHigh.MemcgMaxHighDelayJiffies);
    }

    [Fact]                         // the group's lists hold exactly its LRU pages, in the node's LRU order, after compaction too
    public void MemcgLruvec_MirrorsTheNodeLists_ThroughMigration()
    {
        var (g, p, _, _) = CachedGroup(limitAtUsage: false);
        LabProgram.Grow(_m.Mm, p, 2 * MiB);
        long usage = g.UsagePages;
        _m.Compaction.CompactNodes();
        Assert.True(_m.VmEvents[VmEventItem.PgmigrateSuccess] > 0);
        Assert.Equal(usage, g.UsagePages);
        var charged = _m.MemcgCharge.ChargedBlocks(g).Where(b => !b.Kmem).Select(b => (int)b.Pfn).ToHashSet();
        MemcgLruvec lv = _m.MemcgCharge.Lruvecs.Of(g);
        long onLists = 0;
        for (LruList l = LruList.InactiveAnon; l <= LruList.Unevictable; l++)
        {
            var mine = new List<int>();
            for (int pfn = lv.Tail(l); pfn != MemMap.NoPfn; pfn = lv.PrevOf(pfn)) mine.Add(pfn);
            var node = new List<int>();
            for (int pfn = _m.Lru.Tail(l); pfn != MemMap.NoPfn; pfn = _m.Lru.PrevOf(pfn))
                if (charged.Contains(pfn)) node.Add(pfn);
            Assert.Equal(node, mine);
            Assert.Equal(mine.Count, lv.ListLength(l));
            onLists += mine.Count;
        }
        Assert.Equal(charged.Count(pfn => (_m.Node.Map.Flags[pfn] & PageFlags.Lru) != 0), onLists);
    }

    [Fact]                         // memory.stat values: the group's own pages and faults; the root shows the node
    public void MemoryStat_GroupValuesAndRootNode()
    {
        MemCgroup g = Group("/web");
        long faults = _m.VmEvents[VmEventItem.Pgfault];
        Process p = Spawn("api", 2 * MiB, g).Process!;
        long groupFaults = _m.VmEvents[VmEventItem.Pgfault] - faults;          // only api faulted meanwhile
        Assert.Equal(groupFaults, Stat(g, "pgfault"));
        Assert.Equal(p.Mm!.RssAnonPages, StatPages(g, "anon"));
        Assert.Equal(StatPages(g, "anon"), StatPages(g, "inactive_anon") + StatPages(g, "active_anon"));
        Assert.Equal(StatPages(g, "file"), StatPages(g, "inactive_file") + StatPages(g, "active_file"));
        Assert.Equal(p.Mm.PgtablesBytes / Units.PageSize, StatPages(g, "pagetables"));
        Assert.Equal(StatPages(g, "pagetables"), StatPages(g, "kernel"));
        Assert.Equal(g.UsagePages, StatPages(g, "anon") + StatPages(g, "file") + StatPages(g, "kernel"));
        MemCgroup root = _m.Cgroups.Root;
        Assert.Equal(Engine.Procfs.Meminfo.Compute(_m)["AnonPages"], Stat(root, "anon") / 1024);
        Assert.Equal(_m.VmEvents[VmEventItem.Pgfault], Stat(root, "pgfault"));
        Assert.Equal(StatPages(g, "pagetables"), StatPages(root, "pagetables"));   // root tasks' page tables are not charged
    }

    [Fact]                         // mem_cgroup_get_max: a memcg OOM's totalpages adds the swap the group may use
    public void MemcgTotalPages_LimitPlusSwap_UnlessSwappinessZero()
    {
        var t = new MemcgReclaimTests(64 * 1024);
        MemCgroup g = t.Group("/web");
        g.MaxPages = 5120;
        Assert.Equal(5120 + t._m.Swap.TotalPages, t._m.Oom.Scope.MemcgTotalPages("/web"));
        Assert.Equal(Errno.Ok, t._m.Sysctls.Write(SysctlCatalog.Swappiness, "0"));
        Assert.Equal(5120, t._m.Oom.Scope.MemcgTotalPages("/web"));
    }

    [Fact]                         // memory_max_write: lowering the limit reclaims the group's cache before any OOM
    public void WriteMax_BelowUsageWithCache_ReclaimsNoKill()
    {
        var (g, p, _, _) = CachedGroup(limitAtUsage: false);
        long target = g.UsagePages - 2048;
        _m.MemcgCharge.WriteMax(g, target, "bash");
        Assert.True(g.UsagePages <= target);
        Assert.False(p.Exiting);
        Assert.Equal((0L, 0L, 0L), (Ev(g, MemcgEvent.Max), Ev(g, MemcgEvent.Oom), Ev(g, MemcgEvent.OomKill)));
        Assert.True(Stat(g, "pgsteal_direct") >= 2048);
    }
}
