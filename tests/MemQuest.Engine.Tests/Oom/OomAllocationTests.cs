// The OOM killer reached the way the kernel reaches it: a page fault's allocation fails every
// watermark, the slow path finds nothing to reclaim, and __alloc_pages_may_oom calls out_of_memory.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Oom.Control;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Tests.Oom;

public sealed class OomAllocationTests
{
    private const long MiB = 1024 * 1024;

    private static (Machine, VirtualMemory) Box(params (string, string)[] sysctls)
    {
        var spec = new MachineSpec(128 * 1024, 2) { Sysctls = sysctls.Select(s => new KeyValuePair<string, string>(s.Item1, s.Item2)).ToList() };
        Machine m = Machine.Boot(spec, 1);
        m.Processes.Add(new Process(1, "systemd", 0, new MmStruct { RssAnonPages = 3000 }));   // init: never a victim
        return (m, m.Mm);
    }

    private static Process Spawn(VirtualMemory vm, string name, long touchBytes = 0)
    {
        LabOutcome o = LabProgram.Spawn(vm, name, 1, 0, new LabProgramSpec(touchBytes, touchBytes));
        Assert.Equal(LabFailure.None, o.Failure);
        return o.Process!;
    }

    /// <summary>oomchild: map and write <paramref name="bytes"/> (the program's own fault loop).</summary>
    private static LabOutcome Touch(VirtualMemory vm, string name, long bytes) =>
        LabProgram.Spawn(vm, name, 1, 0, new LabProgramSpec(bytes, bytes));

    [Fact]
    public void Touch_PastRam_TheGrowerIsKilledAndItsMemoryReturns()
    {
        (Machine m, VirtualMemory vm) = Box(("overcommit_memory", "1"));
        Spawn(vm, "sh");                                     // sh maps libc: those page-cache pages stay
        long freeBefore = m.Node.NrFreePages, cachedBefore = m.Node.Stat[(int)NodeStatItem.NrFilePages];
        LabOutcome o = Touch(vm, "hog", 160 * MiB);
        Process hog = o.Process!;

        Assert.Equal(LabFailure.PageAllocationFailed, o.Failure);
        OomDecision d = m.Oom.LastDecision!;
        Assert.Equal(OomOutcome.Killed, d.Outcome);
        Assert.Same(hog, d.Chosen);
        Assert.Equal(1, m.Oom.OomKillCount);
        Assert.Contains(m.Kmsg.Lines, l => l.EndsWith("] hog invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0"));
        Assert.Contains(m.Kmsg.Lines, l => l.Contains($"] Out of memory: Killed process {hog.Pid} (hog) total-vm:"));
        m.Step();                                            // the victim exits on its way back to user space
        Assert.Null(m.Processes.Find(hog.Pid));
        // every anon page and page-table page of hog is back; what differs is only page cache: hog's binary was
        // read in, and before the OOM kill reclaim dropped clean unmapped file pages (the libc pages the exec
        // image copies but nobody maps, read in at boot)
        Assert.Equal(m.Node.Stat[(int)NodeStatItem.NrFilePages] - cachedBefore, freeBefore - m.Node.NrFreePages);
    }

    [Fact]
    public void Touch_PastRam_TheBiggerBystanderDiesAndTheGrowSucceeds()
    {
        (Machine m, VirtualMemory vm) = Box(("overcommit_memory", "1"));
        Process db = Spawn(vm, "db", touchBytes: 80 * MiB);
        long growBytes = Units.PagesToBytes(m.Node.NrFreePages) + 4 * MiB;   // more than is free, less than db holds
        Assert.True(growBytes < 80 * MiB);
        LabOutcome o = Touch(vm, "app", growBytes);
        Process app = o.Process!;

        Assert.Equal(LabFailure.None, o.Failure);
        Assert.Null(m.Processes.Find(db.Pid));
        Assert.Same(app, m.Processes.Find(app.Pid));
        Assert.Equal(OomOutcome.Killed, m.Oom.LastDecision!.Outcome);
        Assert.Contains(m.Kmsg.Lines, l => l.EndsWith("] app invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0"));
        Assert.Contains(m.Kmsg.Lines, l => l.Contains($"Killed process {db.Pid} (db)"));
    }

    [Fact]
    public void Touch_PastRam_ProtectedBystanderSurvives()
    {
        (Machine m, VirtualMemory vm) = Box(("overcommit_memory", "1"));
        Process db = Spawn(vm, "db", touchBytes: 80 * MiB);
        db.OomScoreAdj = -1000;
        Process app = Touch(vm, "app", 100 * MiB).Process!;
        Assert.Same(db, m.Processes.Find(db.Pid));
        Assert.Same(app, m.Oom.LastDecision!.Chosen);
    }

    [Fact]
    public void Touch_PanicOnOom_BoxPanicsAndStops()
    {
        (Machine m, VirtualMemory vm) = Box(("overcommit_memory", "1"), ("panic_on_oom", "1"));
        Touch(vm, "hog", 160 * MiB);
        Assert.True(m.Panicked);
        Assert.EndsWith("] Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled", m.Kmsg.Lines[^2]);
    }
}
