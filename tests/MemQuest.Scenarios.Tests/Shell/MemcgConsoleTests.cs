// cgroup v2 memory files from the console: mkdir, memory.max, spawn --cgroup, cgroup.procs, OOM.
using MemQuest.Engine;
using MemQuest.Scenarios.Shell;

namespace MemQuest.Scenarios.Tests.Shell;

public sealed class MemcgConsoleTests
{
    private readonly MemQuest.Scenarios.Shell.Shell _shell =
        new(Machine.Boot(new MachineSpec(256 * 1024), 1), ShellMode.Lab);

    private string Out(string line)
    {
        ShellResult r = _shell.Run(line);
        Assert.True(r.Succeeded, $"{line}: {r.Output}{r.ErrorMessage}");
        return r.Stdout;
    }

    [Fact]
    public void MemoryMax_SuffixesAndMax_ReadBackInBytes()
    {
        Out("mkdir /sys/fs/cgroup/web");
        Assert.Equal("max\n", Out("cat /sys/fs/cgroup/web/memory.max"));
        Out("echo 20M > /sys/fs/cgroup/web/memory.max");
        Assert.Equal("20971520\n", Out("cat /sys/fs/cgroup/web/memory.max"));
        Out("echo 1G > /sys/fs/cgroup/web/memory.high");
        Assert.Equal("1073741824\n", Out("cat /sys/fs/cgroup/web/memory.high"));
        Out("echo max > /sys/fs/cgroup/web/memory.max");
        Assert.Equal("max\n", Out("cat /sys/fs/cgroup/web/memory.max"));
        Assert.Equal("bash: echo: write error: Invalid argument\n", _shell.Run("echo 12abc > /sys/fs/cgroup/web/memory.max").Stderr);
        Assert.Equal("bash: /sys/fs/cgroup/web/memory.current: Permission denied\n", _shell.Run("echo 1 > /sys/fs/cgroup/web/memory.current").Stderr);
    }

    [Fact]
    public void Mkdir_Twice_FileExists_RmdirBusyThenGone()
    {
        Out("mkdir /sys/fs/cgroup/web");
        Assert.Equal("mkdir: cannot create directory '/sys/fs/cgroup/web': File exists\n", _shell.Run("mkdir /sys/fs/cgroup/web").Stderr);
        Out("spawn api --cgroup web");
        Assert.Equal("rmdir: failed to remove '/sys/fs/cgroup/web': Device or resource busy\n", _shell.Run("rmdir /sys/fs/cgroup/web").Stderr);
        Out("kill -9 1001");
        Out("rmdir /sys/fs/cgroup/web");
        Assert.Equal("cat: /sys/fs/cgroup/web/memory.max: No such file or directory\n", _shell.Run("cat /sys/fs/cgroup/web/memory.max").Stderr);
    }

    [Fact]
    public void CgroupProcs_MoveAndErrors()
    {
        Out("mkdir /sys/fs/cgroup/web");
        Out("spawn api");
        Assert.Equal("", Out("cat /sys/fs/cgroup/web/cgroup.procs"));
        Assert.Contains("1001\n", Out("cat /sys/fs/cgroup/cgroup.procs"));
        Out("echo 1001 > /sys/fs/cgroup/web/cgroup.procs");
        Assert.Equal("1001\n", Out("cat /sys/fs/cgroup/web/cgroup.procs"));
        Assert.DoesNotContain("1001", Out("cat /sys/fs/cgroup/cgroup.procs"));
        Assert.Equal("bash: echo: write error: No such process\n", _shell.Run("echo 4242 > /sys/fs/cgroup/web/cgroup.procs").Stderr);
        Assert.Equal("bash: echo: write error: Invalid argument\n", _shell.Run("echo abc > /sys/fs/cgroup/web/cgroup.procs").Stderr);
    }

    [Fact]
    public void SpawnIntoALimitedGroup_MemcgOomKillsInsideAndCountsEvents()
    {
        Out("spawn outside --map 10M --write 10M");
        Out("mkdir /sys/fs/cgroup/web");
        Out("echo 20M > /sys/fs/cgroup/web/memory.max");
        Out("spawn api --map 12M --write 12M --cgroup web");
        Out("spawn worker --map 10M --write 10M --cgroup web");
        string dmesg = Out("dmesg");
        Assert.Contains("] worker invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n", dmesg);
        Assert.Contains("] Memory cgroup out of memory: Killed process 1002 (api)", dmesg);
        Assert.Equal("low 0\nhigh 0\nmax 1\noom 1\noom_kill 1\noom_group_kill 0\n", Out("cat /sys/fs/cgroup/web/memory.events"));
        Assert.Contains("outside", Out("ps aux"));
        long current = long.Parse(Out("cat /sys/fs/cgroup/web/memory.current"));
        Assert.InRange(current, 10L << 20, 20L << 20);
        Assert.StartsWith("anon ", Out("cat /sys/fs/cgroup/web/memory.stat"));
    }

    [Fact]
    public void Spawn_UnknownCgroup_ConsoleExplains()
    {
        ShellResult r = _shell.Run("spawn api --cgroup nope");
        Assert.Equal(ShellStatus.Usage, r.Status);
        Assert.Contains("mkdir /sys/fs/cgroup/nope", r.ErrorMessage);
    }
}
