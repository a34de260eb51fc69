// The OOM killer driven from the lab console the way a player drives it: spawn, grow, dmesg.
using MemQuest.Engine;
using MemQuest.Scenarios.Shell;

namespace MemQuest.Scenarios.Tests.Shell;

public sealed class OomLabTests
{
    private static MemQuest.Scenarios.Shell.Shell Lab(params string[] setup)
    {
        var shell = new MemQuest.Scenarios.Shell.Shell(Machine.Boot(new MachineSpec(64 * 1024), 1), ShellMode.Lab);
        foreach (string line in setup) Assert.True(shell.Run(line).Succeeded, line);
        return shell;
    }

    [Fact]
    public void Grow_PastRam_BiggestBystanderKilledAndReported()
    {
        // The 64 MiB box has about 37 MiB free after boot (kernel image, memmap, slab, page cache).
        var shell = Lab("sysctl -w vm.overcommit_memory=1", "spawn db --map 20M --write 20M", "spawn app");
        Assert.True(shell.Run("grow app --write 30M --step 1M").Succeeded);
        string dmesg = shell.Run("dmesg").Stdout;
        Assert.Contains("] app invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n", dmesg);
        Assert.Contains("] Out of memory: Killed process 1001 (db) total-vm:", dmesg);
        Assert.DoesNotContain(" db ", shell.Run("ps aux").Stdout);
    }

    [Fact]
    public void Spawn_TheToucherIsTheBiggest_BashSaysKilledAndItIsGoneNextTick()
    {
        var shell = Lab("sysctl -w vm.overcommit_memory=1");
        ShellResult r = shell.Run("spawn hog --map 200M --write 200M");
        Assert.Equal(("Killed\n", 137), (r.Stderr, r.ExitCode));
        Assert.Contains("] Out of memory: Killed process 1001 (hog)", shell.Run("dmesg").Stdout);
        shell.Run("tick");
        Assert.Equal("choom: failed to read OOM score value: No such file or directory\n", shell.Run("choom -p 1001").Stderr);
    }

    [Fact]
    public void Spawn_ProtectedBiggestWithAdjMinus1000_SmallerOneDies()
    {
        var shell = Lab("sysctl -w vm.overcommit_memory=1", "spawn db --map 20M --write 20M", "echo -1000 > /proc/1001/oom_score_adj");
        ShellResult r = shell.Run("spawn app --map 30M --write 30M");
        Assert.Equal("Killed\n", r.Stderr);
        Assert.Contains(" db ", shell.Run("ps aux").Stdout);
    }

    [Fact]
    public void Spawn_PanicOnOom_KernelPanicInDmesg()
    {
        var shell = Lab("sysctl -w vm.overcommit_memory=1", "sysctl -w vm.panic_on_oom=1");
        shell.Run("spawn hog --map 200M --write 200M");
        string[] log = shell.Run("dmesg").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("] Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled", log[^2]);
        Assert.True(shell.Context.Machine.Panicked);
    }
}
