using System.CommandLine;
using MemQuest.App.Cli;
using MemQuest.App.Cli.Incidents;

namespace MemQuest.App.Tests.Cli;

public sealed class CliCommandTests
{
    private static string Content => Path.Combine(AppContext.BaseDirectory, "TestContent");

    private static (int Exit, string Out, string Err) Capture(Func<TextWriter, TextWriter, int> run)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int exit = run(o, e);
        return (exit, o.ToString(), e.ToString());
    }

    [Fact]
    public void CheckContent_CleanRoot_ExitsZero()
    {
        var (exit, output, _) = Capture((o, e) => CheckContentCommand.Run(Content, o, e));
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("1 scenario(s): OK", output);
    }

    [Fact]
    public void CheckContent_BrokenFile_PrintsFileLineColAndExitsTwo()
    {
        string root = CopyContent();
        try
        {
            string bad = Path.Combine(root, "workloads", "bad.yaml");
            File.WriteAllText(bad, "kind: steady\nrss: 5M\n");
            var (exit, output, _) = Capture((o, e) => CheckContentCommand.Run(root, o, e));
            Assert.Equal(ExitCodes.Usage, exit);
            Assert.Contains($"{bad}:2:1: unknown key 'rss'", output);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void CheckContent_NoSuchFolder_ExitsTwo() =>
        Assert.Equal(ExitCodes.Usage, Capture((o, e) => CheckContentCommand.Run("/no/such/dir", o, e)).Exit);

    [Fact]
    public void List_TestContent_ShowsIdDifficultyAndTopics()
    {
        var (exit, output, _) = Capture((o, e) => ListCommand.Run(Content, o, e));
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("010  netcap-buffer", output);
        Assert.Contains("kmalloc, vmalloc", output);
    }

    [Fact]
    public void Solve_WithReveal_TracesParAndEndsWithResultWon()
    {
        var (exit, output, _) = Capture((o, e) => SolveCommand.Run(Content, "netcap-buffer", null, true, o, e));
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.StartsWith("ARG scenario netcap-buffer   ARG seed 11", output);
        Assert.Contains("tick    20  modprobe netcap buf_alloc=vmalloc", output);
        Assert.Matches(@"\nRESULT won  score \d+/1000  stars \d  robustness 100%  digest [0-9A-F]{64}\n$", output);
    }

    [Fact]
    public void Solve_WithoutReveal_HidesTheParCommands()
    {
        var (_, output, _) = Capture((o, e) => SolveCommand.Run(Content, "netcap-buffer", 5, false, o, e));
        Assert.DoesNotContain("buf_alloc=vmalloc", output);
        Assert.Contains("ARG seed 5", output);
        Assert.Contains("RESULT won", output);
    }

    [Fact]
    public void Play_Plain_RecordThenReplay_SameResultLine()
    {
        string run = Path.Combine(Path.GetTempPath(), $"memquest-run-{Guid.NewGuid():N}.json");
        try
        {
            var input = new StringReader("journalctl -k\nwait 2\nmodprobe netcap buf_alloc=vmalloc\ntick 5\nsystemctl status netcap-agent\n");
            var (exit, output, _) = Capture((o, e) => PlayCommand.Run(Content, "netcap-buffer", null, new PlayOutputs(run, run + ".md"), input, o, e));
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("[09:40:02] $ modprobe netcap buf_alloc=vmalloc", output);
            string played = output.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
            var (replayExit, replayed, _) = Capture((o, e) => ReplayCommand.Run(Content, run, o, e));
            Assert.Equal(ExitCodes.Ok, replayExit);
            Assert.Equal(played, replayed.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal)));
            Assert.Contains("`modprobe netcap buf_alloc=vmalloc`", File.ReadAllText(run + ".md"));
        }
        finally { File.Delete(run); File.Delete(run + ".md"); }
    }

    [Fact]
    public void Play_Plain_NothingTyped_LosesWithExitOne()
    {
        var (exit, output, _) = Capture((o, e) => PlayCommand.Run(Content, "netcap-buffer", null, new PlayOutputs(), new StringReader(""), o, e));
        Assert.Equal(ExitCodes.LostOrFailed, exit);
        Assert.Contains("RESULT lost  score 0/1000", output);
        Assert.Contains("netcap is not loaded", output);
        Assert.Contains("par: ", output);
        Assert.Contains("DEBRIEF\n  kmalloc hands out physically contiguous memory", output);
    }

    [Theory]
    [InlineData("tick", "usage: tick N")]
    [InlineData("wait -1", "usage: tick N")]
    public void Play_Plain_BadTimeCommand_SaysHow(string line, string message)
    {
        var (_, output, _) = Capture((o, e) => PlayCommand.Run(Content, "netcap-buffer", null, new PlayOutputs(), new StringReader(line + "\n"), o, e));
        Assert.Contains(message, output);
    }

    [Fact]
    public void Play_UnknownIncident_ListsTheKnownOnesAndExitsTwo()
    {
        var (exit, _, err) = Capture((o, e) => PlayCommand.Run(Content, "nope", null, new PlayOutputs(), new StringReader(""), o, e));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("no incident 'nope'", err);
        Assert.Contains("netcap-buffer", err);
    }

    [Theory]
    [InlineData("{}", "format is ''")]
    [InlineData("{\"format\":\"memquest-run/1\",\"scenarioId\":\"netcap-buffer\",\"contentDigest\":\"00\",\"engineVersion\":3,\"seed\":11,\"commands\":[],\"endTick\":600}", "recorded on other content")]
    [InlineData("{\"format\":\"memquest-run/1\",\"scenarioId\":\"netcap-buffer\",\"contentDigest\":\"00\",\"engineVersion\":99,\"seed\":11,\"commands\":[],\"endTick\":600}", "engine version 99")]
    public void Replay_ForeignRunFile_RefusedWithExitTwo(string json, string message)
    {
        string run = Path.Combine(Path.GetTempPath(), $"memquest-run-{Guid.NewGuid():N}.json");
        File.WriteAllText(run, json);
        try
        {
            var (exit, _, err) = Capture((o, e) => ReplayCommand.Run(Content, run, o, e));
            Assert.Equal(ExitCodes.Usage, exit);
            Assert.Contains(message, err);
        }
        finally { File.Delete(run); }
    }

    [Theory]
    [InlineData("list")]
    [InlineData("--content", "x", "list")]
    [InlineData("list", "--content", "x")]
    [InlineData("play", "netcap-buffer", "--plain", "--seed", "3", "--saves", "s")]
    [InlineData("solve", "netcap-buffer", "-c", "--seed", "7")]
    [InlineData("replay", "run.json")]
    [InlineData("check-content", "content")]
    [InlineData("check-content")]
    public void Parse_ValidCommandLines_NoErrors(params string[] args) =>
        Assert.Empty(Program.BuildRoot().Parse(args).Errors);

    [Theory]
    [InlineData("play")]
    [InlineData("solve", "x", "--seed", "minus")]
    [InlineData("replay")]
    [InlineData("list", "extra")]
    public void Parse_BadCommandLines_Errors(params string[] args) =>
        Assert.NotEmpty(Program.BuildRoot().Parse(args).Errors);

    private static string CopyContent()
    {
        string root = Path.Combine(Path.GetTempPath(), "memquest-cli-" + Guid.NewGuid().ToString("N"));
        foreach (string f in Directory.GetFiles(Content, "*.yaml", SearchOption.AllDirectories))
        {
            string t = Path.Combine(root, Path.GetRelativePath(Content, f));
            Directory.CreateDirectory(Path.GetDirectoryName(t)!);
            File.Copy(f, t);
        }
        return root;
    }
}
