using MemQuest.Engine;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Oom.Control;
using MemQuest.Engine.PageAlloc;
using MemQuest.Scenarios.Shell;

namespace MemQuest.Scenarios.Tests.Shell;

public sealed class OomConsoleTests
{
    private readonly Machine _m = Machine.Boot(MachineSpec.Default, 1);
    private readonly MemQuest.Scenarios.Shell.Shell _shell;
    private readonly Process _init;
    private readonly Process _app;

    public OomConsoleTests()
    {
        _shell = new MemQuest.Scenarios.Shell.Shell(_m, ShellMode.Game);
        _init = new Process(1, "systemd", 0, new MmStruct { RssAnonPages = 3000 });
        _m.Processes.Add(_init);
        _app = Spawn("app");
    }

    private Process Spawn(string name, long touchBytes = 0) =>
        LabProgram.Spawn(_m.Mm, name, 1, _m.Tick, new LabProgramSpec(touchBytes, touchBytes)).Process!;

    private string Out(string line)
    {
        ShellResult r = _shell.Run(line);
        Assert.True(r.Succeeded, $"{line}: {r.Output}{r.ErrorMessage}");
        return r.Stdout;
    }

    /// <summary>kernel-spec §14.6, computed here independently from the process's counters.</summary>
    private long ExpectedScore(Process p)
    {
        long total = _m.Node.TotalramPages;
        long badness = p.Mm!.RssPages + p.Mm.SwapEntsPages + p.Mm.PgtablesBytes / 4096 + p.OomScoreAdj * (total / 1000);
        return (1000 + badness * 1000 / total) * 2 / 3;
    }

    [Fact]
    public void CatOomScore_SmallProcess_666AndTheFormula()
    {
        Assert.Equal("666\n", Out($"cat /proc/{_app.Pid}/oom_score"));
        Assert.Equal("0\n", Out($"cat /proc/{_init.Pid}/oom_score"));     // init is unkillable
    }

    [Theory]
    [InlineData("500", "500\n")]
    [InlineData("0x10", "16\n")]
    [InlineData("-1000", "-1000\n")]
    [InlineData(" 42 ", "42\n")]
    public void EchoOomScoreAdj_AcceptedValue_ReadsBackAndMovesTheScore(string value, string readBack)
    {
        Out($"echo {value} > /proc/{_app.Pid}/oom_score_adj");
        Assert.Equal(readBack, Out($"cat /proc/{_app.Pid}/oom_score_adj"));
        long expected = _app.OomScoreAdj == -1000 ? 0 : ExpectedScore(_app);
        Assert.Equal(expected + "\n", Out($"cat /proc/{_app.Pid}/oom_score"));
    }

    [Theory]                       // kernel-spec §19 fact 57
    [InlineData("1001", "Invalid argument")]
    [InlineData("-1001", "Invalid argument")]
    [InlineData("abc", "Invalid argument")]
    [InlineData("''", "Invalid argument")]
    [InlineData("99999999999", "Numerical result out of range")]
    public void EchoOomScoreAdj_BadValue_BashWriteError(string value, string error)
    {
        ShellResult r = _shell.Run($"echo {value} > /proc/{_app.Pid}/oom_score_adj");
        Assert.Equal($"bash: echo: write error: {error}\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("0\n", Out($"cat /proc/{_app.Pid}/oom_score_adj"));
    }

    [Fact]
    public void EchoIntoOomScore_ReadOnlyProcFile_InvalidArgument() =>
        Assert.Equal("bash: echo: write error: Invalid argument\n", _shell.Run($"echo 5 > /proc/{_app.Pid}/oom_score").Stderr);

    [Fact]                         // kernel-spec §19 facts 59-60 and the once-per-boot deprecation line
    public void EchoOomAdj_ScalesAndWarnsOnce()
    {
        Out($"echo 8 > /proc/{_app.Pid}/oom_adj");
        Assert.Equal("470\n", Out($"cat /proc/{_app.Pid}/oom_score_adj"));
        Assert.Equal("7\n", Out($"cat /proc/{_app.Pid}/oom_adj"));
        Out($"echo 15 > /proc/{_app.Pid}/oom_adj");
        Assert.Equal("1000\n", Out($"cat /proc/{_app.Pid}/oom_score_adj"));
        string[] dmesg = Out("dmesg").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(dmesg, l => l.Contains("oom_adj is deprecated"));
        Assert.EndsWith($"] bash (1): /proc/{_app.Pid}/oom_adj is deprecated, please use /proc/{_app.Pid}/oom_score_adj instead.", dmesg.Single());
        Assert.Equal("bash: echo: write error: Invalid argument\n", _shell.Run($"echo 16 > /proc/{_app.Pid}/oom_adj").Stderr);
    }

    [Fact]
    public void CatOomFiles_NoSuchPid_Enoent()
    {
        Assert.Equal("cat: /proc/99999/oom_score: No such file or directory\n", _shell.Run("cat /proc/99999/oom_score").Stderr);
        Assert.Equal("bash: /proc/99999/oom_score_adj: No such file or directory\n", _shell.Run("echo 5 > /proc/99999/oom_score_adj").Stderr);
    }

    [Fact]                         // util-linux 2.38.1 output, checked against the real choom
    public void Choom_ShowAndChange_UtilLinuxOutput()
    {
        int pid = _app.Pid;
        Assert.Equal($"pid {pid}'s current OOM score: 666\npid {pid}'s current OOM score adjust value: 0\n", Out($"choom -p {pid}"));
        Assert.Equal($"pid {pid}'s OOM score adjust value changed from 0 to 100\n", Out($"choom -p {pid} -n 100"));
        Assert.Equal($"pid {pid}'s OOM score adjust value changed from 100 to 7\n", Out($"choom --adjust=7 --pid {pid}"));
        Assert.Equal($"pid {pid}'s current OOM score: {ExpectedScore(_app)}\npid {pid}'s current OOM score adjust value: 7\n", Out($"choom -p {pid}"));
    }

    [Theory]                       // util-linux 2.38.1 messages, checked against the real choom
    [InlineData("choom", "choom: no PID or COMMAND specified\nTry 'choom --help' for more information.\n")]
    [InlineData("choom -p 0", "choom: no PID or COMMAND specified\nTry 'choom --help' for more information.\n")]
    [InlineData("choom -p 12x", "choom: invalid PID argument: '12x'\n")]
    [InlineData("choom -p 99999999999", "choom: invalid PID argument: '99999999999': Numerical result out of range\n")]
    [InlineData("choom -p 99999", "choom: failed to read OOM score value: No such file or directory\n")]
    [InlineData("choom -p 99999 -n 5", "choom: failed to read OOM score adjust value: No such file or directory\n")]
    [InlineData("choom -p APP -n 1001", "choom: failed to set score adjust value: Invalid argument\n")]
    [InlineData("choom -p APP -n 0x10", "choom: invalid adjust argument: '0x10'\n")]
    [InlineData("choom -p APP extra", "choom: invalid argument: extra\nTry 'choom --help' for more information.\n")]
    [InlineData("choom -p", "choom: option requires an argument -- 'p'\nTry 'choom --help' for more information.\n")]
    [InlineData("choom -x", "choom: invalid option -- 'x'\nTry 'choom --help' for more information.\n")]
    [InlineData("choom sleep 1", "choom: no OOM score adjust value specified\nTry 'choom --help' for more information.\n")]
    public void Choom_BadUse_ChoomsOwnMessages(string line, string stderr)
    {
        ShellResult r = _shell.Run(line.Replace("APP", _app.Pid.ToString()));
        Assert.Equal(stderr, r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void Choom_Help_UtilLinuxText() => Assert.StartsWith("\nUsage:\n choom [options] -p pid\n", Out("choom --help"));

    [Fact]
    public void Dmesg_AfterAnOom_PrintsTheReportWithUptimeStamps()
    {
        Process hog = Spawn("hog", touchBytes: 8 * 1024 * 1024);
        for (int i = 0; i < 123; i++) _m.Step();
        _m.Oom.OutOfMemory(new OomRequest(0, GfpFlags.GfpHighuserMovable, OomConstraint.None) { Current = _app });
        string[] lines = Out("dmesg").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("[   12.300000] app invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0", lines[0]);
        Assert.Equal("[   12.300000] Mem-Info:", lines[1]);                 // __show_mem (mm/show_mem.c)
        Assert.Equal("[   12.300000]  active_file:", lines[3][..28]);         // the first record's continuation lines keep their space
        int tasks = Array.IndexOf(lines, "[   12.300000] Tasks state (memory values in pages):");
        int reserved = Array.FindIndex(lines, l => l.EndsWith(" pages reserved", StringComparison.Ordinal));
        Assert.InRange(reserved, 2, tasks - 1);                          // then, on this slab-heavy box, the slab dump
        Assert.Equal(reserved + 1 == tasks, !UnreclaimableSlabDump.ShouldDump(_m.Node));
        Assert.StartsWith($"[   12.300000] Out of memory: Killed process {hog.Pid} (hog) total-vm:", lines[^1]);
        Assert.Equal(["app", "hog"], lines.Skip(tasks + 2).Take(2).Select(l => l.Split(' ')[^1]));
        Assert.Single(Out("dmesg | grep -i killed").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Dmesg_WithOptions_ConsoleExplains()
    {
        ShellResult r = _shell.Run("dmesg -T");
        Assert.Equal(ShellStatus.Usage, r.Status);
        Assert.Contains("wall-clock", r.ErrorMessage);
    }
}
