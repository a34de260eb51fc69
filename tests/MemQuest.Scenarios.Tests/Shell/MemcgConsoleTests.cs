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
        // try_charge_memcg: the first charge over max ("max" 1) reclaims web's only cache, the .data file pages
        // of api and worker that exec's write fault (do_cow_fault) read and mapped only as anon copies; once
        // they are used up, "max" on the failure, after drain_all_stock, and on MAX_RECLAIM_RETRIES (16)
        // fruitless reclaims: 1 + 1 + 1 + 16.
        Assert.Equal("low 0\nhigh 0\nmax 19\noom 1\noom_kill 1\noom_group_kill 0\n", Out("cat /sys/fs/cgroup/web/memory.events"));
        Assert.Contains("\npgsteal 2\n", Out("cat /sys/fs/cgroup/web/memory.stat"));
        Assert.Contains("outside", Out("ps aux"));
        long current = long.Parse(Out("cat /sys/fs/cgroup/web/memory.current"));
        Assert.InRange(current, 10L << 20, 20L << 20);
        Assert.StartsWith("anon ", Out("cat /sys/fs/cgroup/web/memory.stat"));
    }

    [Fact]                         // mem_cgroup_handle_over_high: the task sleeps, so its grow takes simulated time
    public void Grow_OverMemoryHigh_IsThrottledInTicks_NeverKilled()
    {
        Out("mkdir /sys/fs/cgroup/web");
        Out("spawn api --cgroup web");
        Out("echo 4M > /sys/fs/cgroup/web/memory.high");
        long before = _shell.Context.Machine.Tick;
        Out("grow api --write 16M");
        long ticks = _shell.Context.Machine.Tick - before;
        Assert.True(ticks > 1, $"a throttled grow of one step took {ticks} tick(s)");
        Assert.Contains(" api", Out("ps aux"));
        string events = Out("cat /sys/fs/cgroup/web/memory.events");
        Assert.StartsWith("low 0\nhigh ", events);
        Assert.EndsWith("max 0\noom 0\noom_kill 0\noom_group_kill 0\n", events);
        Assert.DoesNotContain("high 0\n", events);
    }

    [Fact]                         // memcg_stat_format (6.18, cgroup v2): every key, in order
    public void MemoryStat_EveryKeyInKernelOrder()
    {
        Out("mkdir /sys/fs/cgroup/web");
        Out("spawn api --map 1M --write 1M --cgroup web");
        string[] keys = Out("cat /sys/fs/cgroup/web/memory.stat").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).ToArray();
        string[] expected =
        [
            "anon", "file", "kernel", "kernel_stack", "pagetables", "sec_pagetables", "percpu", "sock", "vmalloc", "shmem",
            "zswap", "zswapped", "file_mapped", "file_dirty", "file_writeback", "swapcached", "anon_thp", "file_thp", "shmem_thp",
            "inactive_anon", "active_anon", "inactive_file", "active_file", "unevictable",
            "slab_reclaimable", "slab_unreclaimable", "slab",
            "workingset_refault_anon", "workingset_refault_file", "workingset_activate_anon", "workingset_activate_file",
            "workingset_restore_anon", "workingset_restore_file", "workingset_nodereclaim",
            "pgdemote_kswapd", "pgdemote_direct", "pgdemote_khugepaged", "pgdemote_proactive", "pgpromote_success",
            "pgscan", "pgsteal", "pswpin", "pswpout",
            "pgscan_kswapd", "pgscan_direct", "pgscan_khugepaged", "pgscan_proactive",
            "pgsteal_kswapd", "pgsteal_direct", "pgsteal_khugepaged", "pgsteal_proactive",
            "pgfault", "pgmajfault", "pgrefill", "pgactivate", "pgdeactivate", "pglazyfree", "pglazyfreed",
            "swpin_zero", "swpout_zero", "zswpin", "zswpout", "zswpwb",
            "thp_fault_alloc", "thp_collapse_alloc", "thp_swpout", "thp_swpout_fallback",
            "numa_pages_migrated", "numa_pte_updates", "numa_hint_faults",
        ];
        Assert.Equal(expected, keys);
        Assert.Equal(expected, Out("cat /sys/fs/cgroup/memory.stat").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]));
    }

    [Fact]
    public void Spawn_UnknownCgroup_ConsoleExplains()
    {
        ShellResult r = _shell.Run("spawn api --cgroup nope");
        Assert.Equal(ShellStatus.Usage, r.Status);
        Assert.Contains("mkdir /sys/fs/cgroup/nope", r.ErrorMessage);
    }
}
