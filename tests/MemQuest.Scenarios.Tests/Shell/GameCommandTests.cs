using MemQuest.Engine;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Shell;

namespace MemQuest.Scenarios.Tests.Shell;

public sealed class GameCommandTests
{
    private static Session NewSession()
    {
        var s = TestContentRoot.TestCatalog["netcap-buffer"];
        return Session.Start(s, s.Seed, TestContentRoot.TestCatalog.Digest);
    }

    [Theory]
    [InlineData("systemctl frobnicate x", ShellStatus.Failed, "Unknown command verb 'frobnicate'.\n")]
    [InlineData("systemctl restart", ShellStatus.Failed, "Too few arguments.\n")]
    [InlineData("systemctl restart nginx", ShellStatus.Failed, "Failed to restart nginx.service: Unit nginx.service not found.\n")]
    [InlineData("systemctl status nginx", ShellStatus.Failed, "Unit nginx.service could not be found.\n")]
    [InlineData("systemctl set-environment FOO", ShellStatus.Failed, "Unit FOO.service not found.\n")]
    [InlineData("systemctl set-environment netcap-agent FOO", ShellStatus.Failed, "Not a valid environment assignment: FOO\n")]
    [InlineData("journalctl --since=yesterday", ShellStatus.Failed, "journalctl: unrecognized option '--since=yesterday'\n")]
    [InlineData("journalctl -u", ShellStatus.Failed, "journalctl: option '-u' requires an argument\n")]
    [InlineData("journalctl -n many", ShellStatus.Failed, "Failed to parse lines 'many'\n")]
    [InlineData("modprobe", ShellStatus.Failed, "modprobe: ERROR: missing parameters. See -h.\n")]
    [InlineData("modprobe e1000e", ShellStatus.Failed, "modprobe: FATAL: Module e1000e not found in directory /lib/modules/6.18.0-memquest\n")]
    [InlineData("modprobe -r netcap", ShellStatus.Failed, "modprobe: FATAL: Module netcap is not in kernel.\n")]
    [InlineData("modprobe netcap", ShellStatus.Failed, "modprobe: ERROR: could not insert 'netcap': Cannot allocate memory\n")]
    [InlineData("modprobe netcap buf_alloc=huge", ShellStatus.Failed, "modprobe: ERROR: could not insert 'netcap': Invalid argument\n")]
    [InlineData("edit /etc/nope.conf a b", ShellStatus.Failed, "edit: /etc/nope.conf: not a service config file here; try one of: \n")]
    [InlineData("heaptrack", ShellStatus.Failed, "Usage: heaptrack [--pid|-p PID] | heaptrack PROGRAM [ARGS...]\n")]
    [InlineData("heaptrack -p 1", ShellStatus.Failed, "heaptrack: no process with pid 1; find it with 'systemctl status NAME' or 'pidof NAME'\n")]
    [InlineData("valgrind", ShellStatus.Failed, "valgrind: no program specified\nvalgrind: Use --help for more information.\n")]
    [InlineData("valgrind --leak-check=full nginx", ShellStatus.Failed, "valgrind: nginx: No such file or directory\n")]
    [InlineData("top", ShellStatus.Failed, "top: this console has no full-screen mode; run 'top -b -n 1' for one snapshot\n")]
    [InlineData("lsmod -a", ShellStatus.Failed, "Usage: lsmod\n")]
    public void Run_BadCommand_PrintsTheRealToolsMessage(string line, ShellStatus status, string stderr)
    {
        ShellResult r = NewSession().Submit(line);
        Assert.Equal(status, r.Status);
        Assert.Equal(stderr, r.Stderr);
    }

    [Theory]
    [InlineData("edit", "edit: expected a file, a key and a value")]
    [InlineData("hint please", "usage: hint | hint buy")]
    [InlineData("systemctrl status x", "did you mean 'systemctl'?")]
    [InlineData("pages alloc 3", "is a lab helper; it exists only in 'memquest lab'")]
    [InlineData("tick 5", "is a lab helper")]
    public void Run_ConsoleError_SaysWhatToDo(string line, string message)
    {
        ShellResult r = NewSession().Submit(line);
        Assert.Contains(message, r.ErrorMessage);
    }

    [Fact]
    public void Lab_GameOnlyCommand_SaysItNeedsAnIncident()
    {
        var lab = new MemQuest.Scenarios.Shell.Shell(Machine.Boot(MachineSpec.Default, 1), ShellMode.Lab);
        Assert.Contains("works only inside an incident", lab.Run("systemctl status x").ErrorMessage);
    }

    [Fact]
    public void Hint_BoughtTwice_ChargesEachStageOnceAndRereadIsFree()
    {
        Session s = NewSession();
        s.Submit("hint buy");
        s.Submit("hint");
        s.Submit("hint");
        Assert.Equal(50, s.Metrics.HintCost);
        s.Submit("hint buy");
        Assert.Equal(150, s.Metrics.HintCost);
        Assert.Equal(ShellStatus.Failed, s.Submit("hint buy").Status);
        Assert.Equal(150, s.Metrics.HintCost);
    }

    [Fact]
    public void SystemctlStatus_RunningService_ShowsActiveMainPidAndJournal()
    {
        Session s = NewSession();
        int pid = s.Services.Find("netcap-agent")!.Pid;
        string output = s.Submit("systemctl status netcap-agent").Stdout;
        Assert.Contains("Active: active (running) since 09:40:00", output);
        Assert.Contains($"Main PID: {pid} (netcap-agent)", output);
        Assert.Contains("systemd[1]: Started netcap-agent.service.", output);
        Assert.Equal($"{pid}\n", s.Submit("pidof netcap-agent").Stdout);
    }

    [Fact]
    public void Journalctl_Kernel_ShowsWhyTheModuleFailed()
    {
        string output = NewSession().Submit("journalctl -k").Stdout;
        Assert.Contains("order 11 > MAX_PAGE_ORDER 10", output);
        Assert.Contains("netcap: failed to allocate 8192 kB capture buffer with kmalloc", output);
    }

    [Fact]
    public void Modprobe_AlreadyLoaded_DoesNothingAsModprobeDoes()
    {
        Session s = NewSession();
        Assert.True(s.Submit("modprobe netcap buf_alloc=vmalloc").Succeeded);
        Assert.True(s.Submit("modprobe netcap buf_alloc=kmalloc").Succeeded);
        Assert.Equal("vmalloc", s.Modules.Loaded["netcap"].BufAlloc);
        Assert.Contains("netcap", s.Submit("lsmod").Stdout);
    }

    [Fact]
    public void SetEnvironment_ForAUnit_AppliesToThatUnitOnly()
    {
        Session s = NewSession();
        Assert.True(s.Submit("systemctl set-environment netcap-agent MALLOC_ARENA_MAX=2").Succeeded);
        Assert.Equal("2", s.Services.Find("netcap-agent")!.Environment["MALLOC_ARENA_MAX"]);
        Assert.Empty(s.Services.ManagerEnvironment);
        Assert.True(s.Submit("systemctl set-environment GLIBC_TUNABLES=glibc.malloc.trim_threshold=131072").Succeeded);
        Assert.Equal("GLIBC_TUNABLES=glibc.malloc.trim_threshold=131072\n", s.Submit("systemctl show-environment").Stdout);
    }

    [Fact]
    public void Objectives_Listed_ShowMetStateAndReason()
    {
        string output = NewSession().Submit("objectives").Stdout;
        Assert.Contains("[ ] capture-running: netcap is not loaded", output);
        Assert.Contains("[x] agent-up: netcap-agent is running", output);
    }
}
