using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Oom.Control;
using MemQuest.Engine.Oom.Seams;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Tests.Oom;

public sealed class OomKillerTests
{
    private static OomRequest Global(Process? current) =>
        new(0, GfpFlags.GfpHighuserMovable, OomConstraint.None) { Current = current };

    private static List<string> Log(Machine m) => m.Kmsg.Lines.Select(l => l[15..]).ToList();

    [Fact]
    public void OutOfMemory_Global_KillsTheBiggestAndLogsTheReportInKernelOrder()
    {
        Machine m = OomWorld.Boot();
        Process shell = OomWorld.Add(m, "bash", rss: 800, uid: 1000);
        Process hog = OomWorld.Add(m, "hog", rss: 9000, anon: 8000, file: 1000, pgtablesBytes: 40960, totalVm: 20000);
        OomDecision d = m.Oom.OutOfMemory(Global(shell));

        Assert.Equal(OomOutcome.Killed, d.Outcome);
        Assert.Same(hog, d.Chosen);
        Assert.Null(m.Processes.Find(hog.Pid));
        Assert.Equal(1, m.Oom.OomKillCount);
        List<string> log = Log(m);
        // the Mem-Info block (mm/show_mem.c) and, on this box with empty LRUs, the unreclaimable-slab dump:
        // both are tested line by line in ShowMemTests and UnreclaimableSlabDumpTests
        int memInfo = ShowMem.Lines(m, ZoneType.Normal).Count + UnreclaimableSlabDump.Lines(m.Slab).Count;
        Assert.True(UnreclaimableSlabDump.ShouldDump(m.Node));
        Assert.Equal("bash invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0", log[0]);
        Assert.Equal("Mem-Info:", log[1]);
        Assert.Equal("Unreclaimable slab info:", log[ShowMem.Lines(m, ZoneType.Normal).Count + 1]);
        Assert.Equal("Tasks state (memory values in pages):", log[memInfo + 1]);
        Assert.StartsWith("[  pid  ]   uid  tgid total_vm", log[memInfo + 2]);
        Assert.Equal([$"[{shell.Pid,7}]  1000", $"[{hog.Pid,7}]     0"], log.Skip(memInfo + 3).Take(2).Select(l => l[..15]));   // init is unkillable: not dumped
        Assert.Equal($"oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=hog,pid={hog.Pid},uid=0", log[memInfo + 5]);
        Assert.Equal($"Out of memory: Killed process {hog.Pid} (hog) total-vm:80000kB, anon-rss:32000kB, file-rss:4000kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0", log[memInfo + 6]);
        Assert.Equal(memInfo + 7, log.Count);
    }

    [Fact]
    public void OutOfMemory_KmsgStamp_IsSimulatedUptime()
    {
        Machine m = OomWorld.Boot();
        OomWorld.Add(m, "hog", rss: 9000);
        for (int i = 0; i < 123; i++) m.Step();
        m.Oom.OutOfMemory(Global(null));
        Assert.StartsWith("[   12.300000] kworker/0:1 invoked oom-killer:", m.Kmsg.Lines[0]);
    }

    [Fact]
    public void OutOfMemory_OomDumpTasksZero_NoTaskTable()
    {
        Machine m = OomWorld.Boot(sysctls: ("oom_dump_tasks", "0"));
        OomWorld.Add(m, "hog", rss: 9000);
        m.Oom.OutOfMemory(Global(null));
        Assert.DoesNotContain(Log(m), l => l.StartsWith("Tasks state"));
        Assert.Equal(3 + ShowMem.Lines(m, ZoneType.Normal).Count + UnreclaimableSlabDump.Lines(m.Slab).Count, m.Kmsg.Lines.Count);
    }

    [Fact]                         // kernel-spec §14.3: panic_on_oom = 1 panics for a global OOM
    public void OutOfMemory_PanicOnOom1Global_PanicsSystemWideAndStopsTheBox()
    {
        Machine m = OomWorld.Boot(sysctls: ("panic_on_oom", "1"));
        Process hog = OomWorld.Add(m, "hog", rss: 9000);
        OomDecision d = m.Oom.OutOfMemory(Global(null));
        Assert.Equal(OomOutcome.Panicked, d.Outcome);
        Assert.True(m.Panicked);
        Assert.NotNull(m.Processes.Find(hog.Pid));
        Assert.Equal("Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled", Log(m)[^2]);
        Assert.Equal("---[ end Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled ]---", Log(m)[^1]);
        long tick = m.Tick;
        m.Step();
        Assert.Equal(tick, m.Tick);
    }

    [Fact]                         // kernel-spec §19 fact 61
    public void OutOfMemory_Fact61_PanicOnOom1Memcg_KillsInstead()
    {
        Machine m = OomWorld.Boot(sysctls: ("panic_on_oom", "1"));
        Process inGroup = OomWorld.Add(m, "worker", rss: 900);
        OomWorld.Add(m, "outside", rss: 9000);
        m.Oom.Scope = new FakeScope("/batch", [inGroup], limitPages: 1024);
        OomDecision d = m.Oom.OutOfMemory(Memcg(inGroup));
        Assert.False(m.Panicked);
        Assert.Equal(OomOutcome.Killed, d.Outcome);
        Assert.Same(inGroup, d.Chosen);
        Assert.Equal(1024, d.TotalPages);
        Assert.Contains(Log(m), l => l.StartsWith($"Memory cgroup out of memory: Killed process {inGroup.Pid} (worker)"));
    }

    [Fact]                         // kernel-spec §19 fact 61
    public void OutOfMemory_Fact61_PanicOnOom2Memcg_PanicsCompulsory()
    {
        Machine m = OomWorld.Boot(sysctls: ("panic_on_oom", "2"));
        Process inGroup = OomWorld.Add(m, "worker", rss: 900);
        m.Oom.Scope = new FakeScope("/batch", [inGroup], limitPages: 1024);
        m.Oom.OutOfMemory(Memcg(inGroup));
        Assert.Equal("Out of memory: compulsory panic_on_oom is enabled", m.PanicMessage);
    }

    [Fact]
    public void OutOfMemory_Memcg_OnlyTasksInTheGroupAreConsidered()
    {
        Machine m = OomWorld.Boot();
        Process small = OomWorld.Add(m, "worker", rss: 300);
        Process big = OomWorld.Add(m, "outside", rss: 9000);
        Process mid = OomWorld.Add(m, "worker2", rss: 600);
        m.Oom.Scope = new FakeScope("/batch", [small, mid], limitPages: 1024);
        OomDecision d = m.Oom.OutOfMemory(Memcg(small));
        Assert.Same(mid, d.Chosen);
        Assert.Equal(2, d.Candidates.Count);
        Assert.NotNull(m.Processes.Find(big.Pid));
        Assert.Equal(9000, big.Mm!.RssPages);
        Assert.Contains($"oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/batch,task_memcg=/batch,task=worker2,pid={mid.Pid},uid=0", Log(m));
        Assert.Equal(2, Log(m).Count(l => l.StartsWith("[ ") && !l.StartsWith("[  pid")));
    }

    [Fact]                         // kernel-spec §14.3: oom_kill_allocating_task
    public void OutOfMemory_KillAllocatingTask_KillsCurrentWithoutScan()
    {
        Machine m = OomWorld.Boot(sysctls: ("oom_kill_allocating_task", "1"));
        OomWorld.Add(m, "big", rss: 9000);
        Process current = OomWorld.Add(m, "small", rss: 50);
        OomDecision d = m.Oom.OutOfMemory(Global(current));
        Assert.Equal(OomOutcome.AllocatingTaskKilled, d.Outcome);
        Assert.Same(current, d.Chosen);
        Assert.StartsWith($"Out of memory (oom_kill_allocating_task): Killed process {current.Pid} (small)", Log(m)[^1]);
        Assert.True(current.Exiting);
    }

    [Fact]
    public void OutOfMemory_KillAllocatingTaskButCurrentAdjMin_ScansInstead()
    {
        Machine m = OomWorld.Boot(sysctls: ("oom_kill_allocating_task", "1"));
        Process big = OomWorld.Add(m, "big", rss: 9000);
        Process current = OomWorld.Add(m, "small", rss: 50, adj: -1000);
        Assert.Same(big, m.Oom.OutOfMemory(Global(current)).Chosen);
    }

    [Fact]                         // kernel-spec §14.4: the allocating task dies on its way back to user space
    public void Step_CurrentVictim_ExitsAtTheNextTickAndUnblocksSelection()
    {
        Machine m = OomWorld.Boot();
        Process hog = OomWorld.Add(m, "hog", rss: 9000);
        OomWorld.Add(m, "other", rss: 4000);
        m.Oom.OutOfMemory(Global(hog));
        Assert.Same(hog, m.Processes.Find(hog.Pid));
        Assert.Equal(OomOutcome.AbortedVictimPending, m.Oom.OutOfMemory(Global(null)).Outcome);
        m.Step();
        Assert.Null(m.Processes.Find(hog.Pid));
        Assert.True(hog.Mm!.OomSkip);
        Assert.Equal("other", m.Oom.Decide(Global(null)).Chosen!.Comm);
    }

    [Fact]                         // kernel-spec §14.4: a victim that cannot exit is reaped 2 s later
    public void Reaper_VictimStuckInExit_ReapedAfter20TicksAndBlocksASecondVictim()
    {
        Machine m = OomWorld.Boot();
        m.Oom.Exit = new StuckExit();
        Process hog = OomWorld.Add(m, "hog", rss: 9000, anon: 8000, file: 900, shmem: 100);
        OomWorld.Add(m, "other", rss: 4000);
        m.Oom.OutOfMemory(Global(hog));
        Assert.NotNull(m.Processes.Find(hog.Pid));                       // current dies when its fault returns
        Assert.Equal(OomOutcome.AbortedVictimPending, m.Oom.OutOfMemory(Global(null)).Outcome);
        int before = m.Kmsg.Lines.Count;
        for (int i = 0; i < 19; i++) m.Step();
        Assert.Equal(before, m.Kmsg.Lines.Count);
        m.Step();
        Assert.Equal($"[    2.000000] oom_reaper: reaped process {hog.Pid} (hog), now anon-rss:0kB, file-rss:0kB, shmem-rss:400kB", m.Kmsg.Lines[^1]);
        Assert.True(hog.Mm!.OomSkip);
        Assert.Equal("other", m.Oom.OutOfMemory(Global(null)).Chosen!.Comm);
    }

    [Fact]
    public void Reaper_VictimExitedOnItsOwn_PrintsNothing()
    {
        Machine m = OomWorld.Boot();
        OomWorld.Add(m, "hog", rss: 9000);
        m.Oom.OutOfMemory(Global(null));
        int before = m.Kmsg.Lines.Count;
        for (int i = 0; i < 25; i++) m.Step();
        Assert.Equal(before, m.Kmsg.Lines.Count);
    }

    [Fact]
    public void OutOfMemory_NothingKillable_GlobalPanicsDeadlocked()
    {
        Machine m = OomWorld.Boot();
        OomWorld.Add(m, "sshd", rss: 500, adj: -1000);
        OomDecision d = m.Oom.OutOfMemory(Global(null));
        Assert.Equal(OomOutcome.NoKillableProcess, d.Outcome);
        Assert.Contains("Out of memory and no killable processes...", Log(m));
        Assert.Equal("System is deadlocked on memory", m.PanicMessage);
    }

    [Fact]
    public void OutOfMemory_CurrentExiting_NobodyKilled()
    {
        Machine m = OomWorld.Boot();
        Process current = OomWorld.Add(m, "dying", rss: 50);
        current.Exiting = true;
        OomWorld.Add(m, "big", rss: 9000);
        OomDecision d = m.Oom.OutOfMemory(Global(current));
        Assert.Equal(OomOutcome.CurrentExiting, d.Outcome);
        Assert.Empty(m.Kmsg.Lines);
        Assert.True(m.Oom.Reaper.IsOomVictim(current));
    }

    [Fact]
    public void OutOfMemory_GlobalWithoutGfpFs_NoKill()
    {
        Machine m = OomWorld.Boot();
        OomWorld.Add(m, "big", rss: 9000);
        OomDecision d = m.Oom.OutOfMemory(new OomRequest(0, GfpFlags.GfpNofs, OomConstraint.None));
        Assert.Equal(OomOutcome.NoFsNoKill, d.Outcome);
        Assert.Equal(0, m.Oom.OomKillCount);
    }

    [Fact]
    public void OutOfMemory_ChosenAlreadyExiting_MarkedSilently()
    {
        Machine m = OomWorld.Boot();
        Process big = OomWorld.Add(m, "big", rss: 9000);
        big.Exiting = true;
        OomDecision d = m.Oom.OutOfMemory(Global(null));
        Assert.Equal(OomOutcome.VictimAlreadyExiting, d.Outcome);
        Assert.Empty(m.Kmsg.Lines);
        Assert.Equal(0, m.Oom.OomKillCount);
    }

    [Fact]                         // since 5.2 no "sacrifice child": the children of the victim live on
    public void OutOfMemory_VictimWithChildren_OnlyTheVictimDies()
    {
        Machine m = OomWorld.Boot();
        Process parent = OomWorld.Add(m, "postgres", rss: 9000);
        var child = new Process(m.Processes.AllocPid(), "postgres-wal", parent.Pid, new MmStruct { RssAnonPages = 500 });
        m.Processes.Add(child);
        Assert.Same(parent, m.Oom.OutOfMemory(Global(null)).Chosen);
        Assert.Null(m.Processes.Find(parent.Pid));
        Assert.Same(child, m.Processes.Find(child.Pid));
        Assert.False(child.Exiting);
    }

    [Fact]
    public void Decide_HasNoSideEffects()
    {
        Machine m = OomWorld.Boot();
        Process big = OomWorld.Add(m, "big", rss: 9000);
        string digest = m.Digest();
        Assert.Same(big, m.Oom.Decide(Global(null)).Chosen);
        Assert.Equal(digest, m.Digest());
    }

    [Fact]
    public void Digest_ChangesWithAKill()
    {
        Machine m = OomWorld.Boot();
        OomWorld.Add(m, "big", rss: 9000);
        string before = m.Digest();
        m.Oom.OutOfMemory(Global(null));
        Assert.NotEqual(before, m.Digest());
    }

    /// <summary>A victim in uninterruptible sleep: it never gets to exit; the reaper drops its private memory.</summary>
    private sealed class StuckExit : ITaskExit
    {
        public void DoExit(Process task) { }

        public void OomReapTaskMm(Process task)
        {
            task.Mm!.RssAnonPages = 0;
            task.Mm.RssFilePages = 0;
        }
    }

    private static OomRequest Memcg(Process current) =>
        new(0, GfpFlags.GfpKernel, OomConstraint.Memcg) { Current = current, MemcgPath = "/batch" };

    private sealed class FakeScope(string path, Process[] members, long limitPages) : IOomScope
    {
        public IEnumerable<Process> MemcgTasks(string memcgPath) => memcgPath == path ? members : [];
        public long MemcgTotalPages(string memcgPath) => limitPages;
        public string TaskMemcgPath(Process task) => members.Contains(task) ? path : "/";
        public IEnumerable<string> MemcgInfoLines(string memcgPath) => [];
        public void CountOomKill(Process victim) { }
    }
}
