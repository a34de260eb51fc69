using MemQuest.Engine;
using MemQuest.Scenarios.Shell;

namespace MemQuest.Scenarios.Tests.Shell;

public sealed class ShellTests
{
    private static MemQuest.Scenarios.Shell.Shell Lab() => new(Machine.Boot(new MachineSpec(256 * 1024), 1), ShellMode.Lab);

    [Theory] // how bash and coreutils report each failure (checked on a real 6.18 box)
    [InlineData("echo 5 > /proc/sys/vm/drop_caches", "bash: echo: write error: Invalid argument\n")]
    [InlineData("echo 0 > /proc/sys/vm/drop_caches", "bash: echo: write error: Invalid argument\n")]
    [InlineData("echo abc > /proc/sys/vm/swappiness", "bash: echo: write error: Invalid argument\n")]
    [InlineData("echo 1 > /proc/sys/vm/nosuch", "bash: /proc/sys/vm/nosuch: No such file or directory\n")]
    [InlineData("echo 1 > /proc/buddyinfo", "bash: /proc/buddyinfo: Permission denied\n")]
    [InlineData("cat /proc/sys/vm/drop_caches", "cat: /proc/sys/vm/drop_caches: Permission denied\n")]
    [InlineData("cat /proc/nosuch", "cat: /proc/nosuch: No such file or directory\n")]
    [InlineData("sysctl -w vm.swappiness=201", "sysctl: setting key \"vm.swappiness\": Invalid argument\n")]
    [InlineData("sysctl vm.nosuch", "sysctl: cannot stat /proc/sys/vm/nosuch: No such file or directory\n")]
    [InlineData("sysctl -w vm.swappiness", "sysctl: command line(0): invalid syntax, continuing...\n")]
    [InlineData("sysctl", "sysctl: no variables specified\nTry `sysctl --help' for more information.\n")]
    public void Run_FailingCommand_PrintsRealToolError(string line, string expected)
    {
        ShellResult r = Lab().Run(line);
        Assert.Equal(ShellStatus.Failed, r.Status);
        Assert.Equal(expected, r.Output);
        Assert.NotEqual(0, r.ExitCode);
    }

    [Theory]
    [InlineData("sysctl vm.swappiness", "vm.swappiness = 60\n")]
    [InlineData("sysctl -n vm.overcommit_ratio", "50\n")]
    [InlineData("sysctl vm.lowmem_reserve_ratio", "vm.lowmem_reserve_ratio = 256\t256\t32\t0\t0\n")]
    [InlineData("sysctl -w vm.swappiness=10", "vm.swappiness = 10\n")]
    [InlineData("sysctl vm/swappiness", "vm.swappiness = 60\n")]
    [InlineData("sysctl vm.drop_caches", "")]
    [InlineData("cat /sys/kernel/mm/transparent_hugepage/enabled", "always [madvise] never\n")]
    [InlineData("cat /sys/kernel/mm/transparent_hugepage/defrag", "always defer defer+madvise [madvise] never\n")]
    [InlineData("echo hello", "hello\n")]
    [InlineData("echo -n hi", "hi")]
    public void Run_Succeeds_PrintsExactly(string line, string expected)
    {
        ShellResult r = Lab().Run(line);
        Assert.Equal(ShellStatus.Ok, r.Status);
        Assert.Equal(expected, r.Output);
    }

    [Fact] // proc_dointvec: base 0, surrounding whitespace, extra values ignored (checked on 6.18)
    public void Write_SysctlText_ParsedLikeTheKernel()
    {
        var shell = Lab();
        Assert.True(shell.Run("echo 0x20 > /proc/sys/vm/swappiness").Succeeded);
        Assert.Equal("32\n", shell.Run("cat /proc/sys/vm/swappiness").Output);
        Assert.True(shell.Run("echo '  12  ' > /proc/sys/vm/swappiness").Succeeded);
        Assert.Equal("12\n", shell.Run("cat /proc/sys/vm/swappiness").Output);
        Assert.True(shell.Run("echo 1 2 > /proc/sys/vm/swappiness").Succeeded);
        Assert.Equal("1\n", shell.Run("cat /proc/sys/vm/swappiness").Output);
    }

    [Fact] // writing min_free_kbytes recomputes the watermarks at once (setup_per_zone_wmarks, kernel-spec §3.2)
    public void Write_MinFreeKbytes_MovesWatermarks()
    {
        var shell = Lab();
        long before = LowmemMin(shell);
        Assert.True(shell.Run("sysctl -w vm.min_free_kbytes=65536").Succeeded);
        long after = LowmemMin(shell);
        Assert.NotEqual(before, after);
        Assert.InRange(after, 16384 - 4, 16384);   // Σ pages_min * managed / lowmem, floored per zone
        Assert.Equal("65536\n", shell.Run("cat /proc/sys/vm/min_free_kbytes").Output);
    }

    private static long LowmemMin(MemQuest.Scenarios.Shell.Shell shell) =>
        shell.Context.Machine.Zones.Where(z => z.Type != MemQuest.Engine.PageAlloc.ZoneType.Movable).Sum(z => z.Watermarks.MinBase);

    [Fact]
    public void Run_SequencesAndAnd_FollowBashRules()
    {
        var shell = Lab();
        Assert.Equal("a\nb\n", shell.Run("echo a; echo b").Output);
        ShellResult r = shell.Run("sysctl -w vm.swappiness=999 && echo not-run");
        Assert.Equal(ShellStatus.Failed, r.Status);
        Assert.DoesNotContain("not-run", r.Output);
        Assert.Equal("after\n", shell.Run("sysctl -qw vm.swappiness=999; echo after").Stdout);
    }

    [Fact]
    public void Run_PipeIntoFilters_FiltersStdout()
    {
        var shell = Lab();
        Assert.StartsWith("Node 0, zone    DMA32", shell.Run("cat /proc/buddyinfo | grep DMA32").Output);
        Assert.Equal(1, shell.Run("cat /proc/zoneinfo | head -1").Output.Count(c => c == '\n'));
        Assert.Equal("2\n", shell.Run("cat /proc/buddyinfo | wc -l").Output);
    }

    [Fact]
    public void Run_UnknownCommand_SuggestsNearest()
    {
        ShellResult r = Lab().Run("sysclt vm.swappiness");
        Assert.Equal(ShellStatus.UnknownCommand, r.Status);
        Assert.Contains("did you mean 'sysctl'", r.ErrorMessage);
    }

    [Fact]
    public void Run_LabHelperInGameConsole_SaysItIsLabOnly()
    {
        var game = new MemQuest.Scenarios.Shell.Shell(Machine.Boot(new MachineSpec(256 * 1024), 1), ShellMode.Game);
        ShellResult r = game.Run("pages alloc 0");
        Assert.Equal(ShellStatus.UnknownCommand, r.Status);
        Assert.Contains("lab helper", r.ErrorMessage);
    }

    [Theory]
    [InlineData("pages")]
    [InlineData("pages alloc")]
    [InlineData("pages alloc x")]
    [InlineData("pages alloc 0 --migratetype bogus")]
    [InlineData("pages alloc 0 --bogus")]
    [InlineData("pages free 1")]
    [InlineData("tick -1")]
    [InlineData("tick many")]
    [InlineData("echo 'unterminated")]
    [InlineData("echo $(pidof x")]
    [InlineData("echo 1 >")]
    [InlineData("cat /proc/buddyinfo | less")]
    public void Run_MisusedHelperOrSyntax_IsUsageError(string line)
    {
        ShellResult r = Lab().Run(line);
        Assert.Equal(ShellStatus.Usage, r.Status);
        Assert.False(string.IsNullOrWhiteSpace(r.ErrorMessage));
    }

    [Fact] // kernel-spec §2.1: pages alloc prints the split receipts and the block; free prints the merges
    public void Pages_AllocThenFree_PrintsReceiptsAndRestoresBuddyinfo()
    {
        var shell = Lab();
        string before = shell.Run("cat /proc/buddyinfo").Output;
        ShellResult alloc = shell.Run("pages alloc 2 --migratetype movable");
        Assert.True(alloc.Succeeded);
        string pfnLine = alloc.Output.Split('\n').First(l => l.StartsWith("pfn "));
        string pfn = pfnLine.Split(' ')[1];
        Assert.NotEqual(before, shell.Run("cat /proc/buddyinfo").Output);
        ShellResult free = shell.Run($"pages free {pfn} 2");
        Assert.True(free.Succeeded);
        Assert.EndsWith($"freed pfn {pfn} order 2\n", free.Output);
        Assert.Equal(before, shell.Run("cat /proc/buddyinfo").Output);
    }

    [Fact]
    public void Pages_FreeOfForeignPfn_FailsWithoutTouchingAllocator()
    {
        var shell = Lab();
        string before = shell.Run("cat /proc/buddyinfo").Output;
        ShellResult r = shell.Run("pages free 5000 0");
        Assert.Equal(ShellStatus.Failed, r.Status);
        Assert.Equal(before, shell.Run("cat /proc/buddyinfo").Output);
    }

    [Fact] // kernel-spec §3.5: order above MAX_PAGE_ORDER fails with a receipt saying why
    public void Pages_AllocOrder11_FailsWithReason()
    {
        ShellResult r = Lab().Run("pages alloc 11");
        Assert.Equal(ShellStatus.Failed, r.Status);
        Assert.Contains("above MAX_PAGE_ORDER", r.Output);
    }

    [Fact]
    public void Tick_AdvancesSimulatedTime()
    {
        var shell = Lab();
        shell.Run("tick 25");
        Assert.Equal(25, shell.Context.Machine.Tick);
    }
}
