// Console tests for the process commands: spawn, ps aux, pidof, kill, fork, malloc/free and the
// /proc/PID files, checked against the formats of procps, bash and the kernel.
using MemQuest.Engine;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Shell;

namespace MemQuest.Scenarios.Tests.Shell;

public sealed class ProcessCommandsTests
{
    private static MemQuest.Scenarios.Shell.Shell Lab(string sysctl = "")
    {
        var spec = new MachineSpec(4L * 1024 * 1024);
        var sh = new MemQuest.Scenarios.Shell.Shell(Machine.Boot(spec, 1), ShellMode.Lab);
        if (sysctl.Length > 0) Assert.True(sh.Run("sysctl " + sysctl).Succeeded);
        return sh;
    }

    [Fact]
    public void Spawn_Idle_StatusHasKernelLayoutAndOracleFootprint()
    {
        var sh = Lab();
        Assert.True(sh.Run("spawn oomchild").Succeeded);
        string status = sh.Run("cat /proc/$(pidof oomchild)/status").Stdout;
        Assert.StartsWith("Name:\toomchild\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t", status);
        Assert.Contains("\nVmSize:\t    2476 kB\n", status);
        Assert.Contains("\nVmRSS:\t    1448 kB\nRssAnon:\t     100 kB\nRssFile:\t    1348 kB\n", status);
        Assert.Contains("\nVmPTE:\t      44 kB\nVmSwap:\t       0 kB\nHugetlbPages:\t       0 kB\n", status);
        Assert.Equal("619 362 337 1 0 89 0\n", sh.Run("cat /proc/$(pidof oomchild)/statm").Stdout);
    }

    [Fact]
    public void PsAux_TwoProcesses_PrintsProcpsColumns()
    {
        var sh = Lab();
        sh.Run("spawn a");
        sh.Run("spawn b --map 64M --write 64M");
        string[] lines = sh.Run("ps aux").Stdout.Split('\n');
        Assert.Equal("USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND", lines[0]);
        Assert.Equal("root      1001  0.0  0.0   2476  1448 pts/0    S    00:00   0:00 a", lines[1]);
        Assert.Equal("root      1002  0.0  1.5  68012 66984 pts/0    S    00:00   0:00 b --map 64M --write 64M", lines[2]);
    }

    [Fact]
    public void PsAux_Tty_ConsoleProgramsAndTheirForksHavePts0_DaemonsHaveQuestionMark()
    {
        // procps pr_tty8 prints "?" when a task has no controlling terminal (daemons started by systemd,
        // kernel threads) and the tty's name otherwise; fork copies signal->tty to the child.
        var sh = Lab();
        sh.Run("spawn redis --map 8M --write 8M");
        sh.Run("fork redis");
        string[] lines = sh.Run("ps aux").Stdout.Split('\n');
        Assert.Equal("root      1001  0.0  0.2  10668  9640 pts/0    S    00:00   0:00 redis --map 8M --write 8M", lines[1]);
        Assert.StartsWith("root      1002  0.0  ", lines[2]);
        Assert.Contains(" pts/0    S    00:00   0:00 redis", lines[2]);

        Session session = Session.Start(TestContentRoot.TestCatalog["netcap-buffer"], 11, TestContentRoot.TestCatalog.Digest);
        string daemon = session.Submit("ps aux").Output.Split('\n').Single(l => l.EndsWith(" netcap-agent", StringComparison.Ordinal));
        Assert.Matches(@"^root +\d+ +0\.0 +\d+\.\d +\d+ +\d+ \?        S ", daemon);
    }

    [Fact]
    public void Kill_BadInputs_PrintBashErrors()
    {
        var sh = Lab();
        Assert.Equal("bash: kill: (4242) - No such process\n", sh.Run("kill 4242").Stderr);
        Assert.Equal("bash: kill: FOO: invalid signal specification\n", sh.Run("kill -FOO 1").Stderr);
        Assert.Equal("bash: kill: abc: arguments must be process or job IDs\n", sh.Run("kill abc").Stderr);
        Assert.Equal(2, sh.Run("kill").ExitCode);
    }

    [Fact]
    public void Kill_Sigkill_FreesEverythingSilently()
    {
        var sh = Lab();
        sh.Run("spawn warm");
        long free = sh.Context.Machine.Node.NrFreePages;
        sh.Run("spawn warm --map 256M --write 200M");
        Assert.Equal("1002 1001\n", sh.Run("pidof warm").Stdout);
        ShellResult r = sh.Run("kill -9 1002");
        Assert.True(r.Succeeded);
        Assert.Equal("", r.Output);
        Assert.Equal(free, sh.Context.Machine.Node.NrFreePages);
        Assert.Equal(1, sh.Run("pidof nothing").ExitCode);
    }

    [Fact]
    public void Spawn_MapBeyondMode0Limit_PrintsMmapEnomem()
    {
        var sh = Lab();
        ShellResult r = sh.Run("spawn huge --map 64G");
        Assert.Equal("mmap: Cannot allocate memory\n", r.Stderr);   // the program's perror("mmap")
        Assert.Equal("", r.Stdout);
        // the kernel's own line (mm/util.c pr_warn_ratelimited; overcommit.json kernel_log), pid 1001 = huge
        Assert.EndsWith("] __vm_enough_memory: pid: 1001, comm: huge, bytes: 68719476736 not enough memory for the allocation\n",
            sh.Run("dmesg").Stdout);
        Assert.True(sh.Run("spawn huge --map 64G --noreserve").Succeeded);
    }

    [Fact]
    public void Fork_Mode2BigProcess_FailsLikeRedisBgsave()
    {
        var sh = Lab("vm.overcommit_memory=2");
        Assert.True(sh.Run("spawn redis --map 1500M --write 1500M").Succeeded);
        ShellResult r = sh.Run("fork redis");
        Assert.Equal("fork: Cannot allocate memory\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
        Assert.EndsWith($"] __vm_enough_memory: pid: 1001, comm: redis, bytes: {1500L << 20} not enough memory for the allocation\n",
            sh.Run("dmesg").Stdout);
        Assert.True(sh.Run("sysctl vm.overcommit_memory=1").Succeeded);
        Assert.StartsWith("[1002] redis (child of 1001)", sh.Run("fork redis").Stdout);
    }

    [Fact]
    public void Spawn_Mode2CommitLimitReached_PrintsBashForkEnomem()
    {
        var sh = Lab("vm.overcommit_memory=2");
        Assert.True(sh.Run("sysctl vm.overcommit_kbytes=2048").Succeeded);   // CommitLimit 2048 kB: a few programs fit
        ShellResult r = sh.Run("spawn p1");
        for (int i = 2; r.Succeeded && i < 20; i++) r = sh.Run($"spawn p{i}");
        Assert.Equal("bash: fork: Cannot allocate memory\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(" not enough memory for the allocation\n", sh.Run("dmesg").Stdout);
    }

    [Fact]
    public void ThpEnabled_WriteAlways_BracketsMoveAndABadModeIsRefusedLikeTheKernel()
    {
        var sh = Lab();
        const string file = "/sys/kernel/mm/transparent_hugepage/enabled";
        Assert.True(sh.Run($"echo always > {file}").Succeeded);
        Assert.Equal("[always] madvise never\n", sh.Run($"cat {file}").Stdout);
        Assert.Equal("bash: echo: write error: Invalid argument\n", sh.Run($"echo bogus > {file}").Stderr);   // enabled_store: -EINVAL
        Assert.Equal("[always] madvise never\n", sh.Run($"cat {file}").Stdout);
        Assert.True(sh.Run("spawn c --map 8M --write 8M").Succeeded);   // always: no MADV_HUGEPAGE needed
        Assert.Contains("\nAnonHugePages:      8192 kB\n", sh.Run("cat /proc/meminfo").Stdout);
    }

    [Fact]
    public void Malloc_SizesAroundThreshold_PrintGlibcChoice()
    {
        var sh = Lab();
        sh.Run("spawn app");
        Assert.Contains("heap: chunk of 102416 bytes", sh.Run("malloc 1001 100k").Stdout);
        string big = sh.Run("malloc 1001 1M").Stdout;
        Assert.Contains("mmap: its own mapping", big);
        string addr = big.Split(' ')[2];
        Assert.Contains("mmap_threshold now 1052672", sh.Run($"free 1001 {addr}").Stdout);
        Assert.Contains("heap grew by brk", sh.Run("malloc 1001 1M").Stdout);
        Assert.Contains("thread arena 1: chunk of 1008 bytes", sh.Run("malloc 1001 1000 --thread 3").Stdout);
    }

    [Fact]
    public void Meminfo_AfterSpawn_ShowsCommitLines()
    {
        var sh = Lab();
        sh.Run("spawn a --map 64M");
        string mi = sh.Run("cat /proc/meminfo").Stdout;
        Assert.Contains("CommitLimit:     2097152 kB\n", mi);
        Assert.Contains("Committed_AS:      65920 kB\n", mi);
    }

    [Fact]
    public void Grow_InSteps_WritesIntoTheMappingThenMapsMoreAndAdvancesTime()
    {
        var sh = Lab();
        sh.Run("spawn cache --map 64M --write 16M");
        long tick = sh.Context.Machine.Tick;
        Assert.True(sh.Run("grow cache --write 96M --step 16M").Succeeded);
        Assert.Equal(tick + 6, sh.Context.Machine.Tick);
        string status = sh.Run("cat /proc/1001/status").Stdout;
        Assert.Contains("\nRssAnon:\t  114788 kB\n", status);
        Assert.Contains("\nVmSize:\t  117164 kB\n", status);
        Assert.Equal("grow: no process 'nope' (see ps aux)\n", sh.Run("grow nope --write 1M").Stderr);
        sh.Run("spawn one --map 8M --write 4M");
        Assert.True(sh.Run("grow one --write 20M").Succeeded);
        Assert.Contains("\nVmSize:\t   27052 kB\n", sh.Run("cat /proc/1002/status").Stdout);
    }

    [Fact]
    public void PsAux_StartColumn_ComesFromSimulatedTime()
    {
        var sh = Lab();
        sh.Run("tick 37000");
        sh.Run("spawn late");
        Assert.Contains(" S    01:01   0:00 late", sh.Run("ps aux").Stdout);
    }

    [Fact]
    public void Maps_LibcAndAnonLines_UseTheKernelColumns()
    {
        var sh = Lab();
        sh.Run("spawn a");
        string[] maps = sh.Run("cat /proc/1001/maps").Stdout.Split('\n');
        Assert.Equal("55d4c9f3b000-55d4c9f5c000 rw-p 00000000 00:00 0                          [heap]", maps[5]);
        Assert.Equal("7f3a1c4b7000-7f3a1c4ba000 rw-p 00000000 00:00 0 ", maps[6]);
        Assert.Equal("7f3a1c4e0000-7f3a1c636000 r-xp 00026000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6", maps[8]);
        Assert.Equal("ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]", maps[^2]);
    }

    [Fact]
    public void SmapsRollup_TwoProcesses_SplitsSharedLibraryPagesInPss()
    {
        var sh = Lab();
        sh.Run("spawn a");
        sh.Run("spawn a");
        string r = sh.Run("cat /proc/1001/smaps_rollup").Stdout;
        Assert.Contains("\nRss:                1448 kB\n", r);
        Assert.Contains("\nAnonymous:           100 kB\n", r);
        Assert.Contains("\nShared_Clean:       1348 kB\n", r);
        Assert.Contains("\nPss_File:            674 kB\n", r);
    }

    [Fact]
    public void OomScoreAdj_WriteAndRead_FollowsProcBase()
    {
        var sh = Lab();
        sh.Run("spawn a --adj 300");
        Assert.Equal("300\n", sh.Run("cat /proc/1001/oom_score_adj").Stdout);
        Assert.True(sh.Run("echo 0x10 > /proc/1001/oom_score_adj").Succeeded);
        Assert.Equal("16\n", sh.Run("cat /proc/1001/oom_score_adj").Stdout);
        Assert.False(sh.Run("echo 1001 > /proc/1001/oom_score_adj").Succeeded);
    }
}
