using MemQuest.App.Presentation;
using MemQuest.Engine;
using MemQuest.Scenarios.Shell;

namespace MemQuest.App.Tests.Presentation;

/// <summary>The panes read the same numbers the console prints: the process table's SCORE is
/// /proc/PID/oom_score, the slab pane's caches are /proc/slabinfo's, the kernel log pane is dmesg.</summary>
public sealed class BoxSnapshotTests
{
    private static Shell LabShell() => new(Machine.Boot(new MachineSpec(1L << 20, 2, 0), 7), ShellMode.Lab);

    [Fact]
    public void Capture_ProcessScores_AreWhatProcPidOomScorePrints()
    {
        Shell shell = LabShell();
        shell.Run("spawn app");
        shell.Run("grow app --write 256M");
        shell.Run("spawn idle");
        BoxSnapshot s = BoxSnapshot.Capture(shell.Context.Machine);
        Assert.Equal(2, s.Processes.Count);
        foreach (ProcessRow row in s.Processes)
            Assert.Equal(shell.Run($"cat /proc/{row.Pid}/oom_score").Output.Trim(), row.OomScore?.ToString());
        Assert.True(s.Processes[0].OomScore > s.Processes[1].OomScore, "the 256 MiB grower outscores the idle program");
    }

    [Fact]
    public void Capture_SlabCaches_AreSlabinfosCounts()
    {
        Shell shell = LabShell();
        BoxSnapshot s = BoxSnapshot.Capture(shell.Context.Machine);
        // /proc/slabinfo: name <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables ... : slabdata <active_slabs> <num_slabs> ...
        string dentry = shell.Run("cat /proc/slabinfo").Output.Split('\n').Single(l => l.StartsWith("dentry ", StringComparison.Ordinal));
        string[] f = dentry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        SlabTopRow row = s.Slab.Single(r => r.Name == "dentry");
        Assert.Equal(long.Parse(f[1]), row.ActiveObjs);
        Assert.Equal(long.Parse(f[2]), row.Objs);
        Assert.Equal(long.Parse(f[3]), row.ObjSizeBytes);
        Assert.Equal(long.Parse(f[14]) * long.Parse(f[5]) * 4, row.CacheSizeKb);
        Assert.True(s.Slab.Count > 100, "a booted box has its boot slab caches");
    }

    [Fact]
    public void Capture_KernelLog_IsWhatDmesgPrints()
    {
        Shell shell = LabShell();
        shell.Run("spawn hog1");
        shell.Run("grow hog1 --write 600M");
        shell.Run("spawn hog2");
        shell.Run("grow hog2 --write 600M"); // past RAM with no swap: the OOM killer reports in the kernel log
        BoxSnapshot s = BoxSnapshot.Capture(shell.Context.Machine);
        Assert.Contains(s.KernelLog, l => l.Contains("invoked oom-killer", StringComparison.Ordinal));
        Assert.Equal(shell.Run("dmesg").Output, string.Concat(s.KernelLog.Select(l => l + "\n")));
    }
}
