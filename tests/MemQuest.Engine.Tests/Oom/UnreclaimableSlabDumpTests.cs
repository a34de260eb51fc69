// should_dump_unreclaim_slab (mm/oom_kill.c) and dump_unreclaimable_slab (mm/slab_common.c, 6.18):
// the expected lines are rebuilt from /proc/slabinfo's rows (active_objs, num_objs, objsize) and the
// caches' SLAB_RECLAIM_ACCOUNT flag, laid out with the kernel's "%-17s %10luKB %10luKB".
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Oom.Control;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Procfs;

namespace MemQuest.Engine.Tests.Oom;

public sealed class UnreclaimableSlabDumpTests
{
    private static List<string> Log(Machine m) => [.. m.Kmsg.Lines.Select(l => l[15..])];

    private static List<string> ExpectedFromSlabinfo(Machine m)
    {
        var e = new List<string> { "Unreclaimable slab info:", "Name                      Used          Total" };
        foreach (string row in Slabinfo.Render(m.Slab).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2))
        {
            string[] f = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long active = long.Parse(f[1]), num = long.Parse(f[2]), size = long.Parse(f[3]);
            if (num == 0 || m.Slab.Find(f[0])!.IsReclaimable) continue;
            e.Add(f[0].PadRight(17) + $" {(active * size / 1024).ToString().PadLeft(10)}KB {(num * size / 1024).ToString().PadLeft(10)}KB");
        }
        return e;
    }

    [Fact]                         // an OOM with more unreclaimable slab than LRU pages: the dump follows Mem-Info
    public void SlabHeavyOom_DumpsEveryUnreclaimableCacheAfterMemInfo()
    {
        Machine m = OomWorld.Boot(sysctls: ("panic_on_oom", "1"));
        for (int i = 0; i < 3000; i++) m.Slab.Kmalloc(1024, GfpFlags.GfpKernel);      // a driver leaking 3000 KiB
        Assert.True(m.Node.Stat[(int)NodeStatItem.NrSlabUnreclaimable] > m.Node.Stat[(int)NodeStatItem.NrActiveAnon]
            + m.Node.Stat[(int)NodeStatItem.NrInactiveAnon] + m.Node.Stat[(int)NodeStatItem.NrActiveFile]
            + m.Node.Stat[(int)NodeStatItem.NrInactiveFile] + m.Node.Stat[(int)NodeStatItem.NrUnevictable]);
        m.Oom.OutOfMemory(new OomRequest(0, GfpFlags.GfpHighuserMovable, OomConstraint.None));
        Assert.True(m.Panicked);

        List<string> log = Log(m);
        int reserved = log.FindIndex(l => l.EndsWith(" pages reserved", StringComparison.Ordinal));
        List<string> expected = ExpectedFromSlabinfo(m);
        Assert.Equal(expected, log.GetRange(reserved + 1, expected.Count));
        Assert.Contains(expected, l => l.StartsWith("kmalloc-1k        ", StringComparison.Ordinal));
        Assert.DoesNotContain(expected, l => l.StartsWith("dentry ", StringComparison.Ordinal));    // SLAB_RECLAIM_ACCOUNT
        Assert.Equal(OomReport.TasksStateLine, log[reserved + 1 + expected.Count]);
    }

    [Fact]                         // LRU pages above unreclaimable slab: no dump
    public void LruHeavyOom_NoDump()
    {
        var spec = new MachineSpec(128 * 1024, 2) { Sysctls = [new("overcommit_memory", "1"), new("panic_on_oom", "1")] };
        Machine m = Machine.Boot(spec, 1);
        LabProgram.Spawn(m.Mm, "hog", 1, 0, new LabProgramSpec(200L << 20, 200L << 20));
        Assert.True(m.Panicked);
        Assert.False(UnreclaimableSlabDump.ShouldDump(m.Node));
        Assert.DoesNotContain("Unreclaimable slab info:", Log(m));
    }
}
