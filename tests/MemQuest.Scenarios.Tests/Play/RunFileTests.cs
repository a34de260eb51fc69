using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Tests.Play;

public sealed class RunFileTests
{
    private static readonly SessionLog Sample = new("netcap-buffer", "ABC123", 1, 11,
        [new LoggedCommand(10, "journalctl -k"), new LoggedCommand(20, "modprobe netcap buf_alloc=vmalloc")], 600);

    [Fact]
    public void Write_ThenRead_RoundTrips()
    {
        SessionLog? back = RunFile.Read(RunFile.Write(Sample), out string? error);
        Assert.Null(error);
        Assert.Equal(Sample.Commands, back!.Commands);
        Assert.Equal(Sample with { Commands = back.Commands }, back);
    }

    [Theory]
    [InlineData("not json", "not a run file")]
    [InlineData("null", "empty or 'null'")]
    [InlineData("{\"format\":\"other/9\"}", "format is 'other/9'")]
    [InlineData("{\"format\":\"memquest-run/1\",\"contentDigest\":\"A\",\"commands\":[]}", "scenarioId is missing")]
    [InlineData("{\"format\":\"memquest-run/1\",\"scenarioId\":\"x\",\"commands\":[]}", "contentDigest is missing")]
    [InlineData("{\"format\":\"memquest-run/1\",\"scenarioId\":\"x\",\"contentDigest\":\"A\"}", "commands is missing")]
    [InlineData("{\"format\":\"memquest-run/1\",\"scenarioId\":\"x\",\"contentDigest\":\"A\",\"commands\":[{\"tick\":5,\"line\":\"a\"},{\"tick\":2,\"line\":\"b\"}],\"endTick\":9}", "ticks must not go back")]
    [InlineData("{\"format\":\"memquest-run/1\",\"scenarioId\":\"x\",\"contentDigest\":\"A\",\"commands\":[{\"tick\":5}],\"endTick\":9}", "has no line")]
    [InlineData("{\"format\":\"memquest-run/1\",\"scenarioId\":\"x\",\"contentDigest\":\"A\",\"commands\":[{\"tick\":5,\"line\":\"a\"}],\"endTick\":2}", "before the last command")]
    public void Read_BadFile_SaysWhatIsWrong(string json, string expected)
    {
        Assert.Null(RunFile.Read(json, out string? error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Replay_OfARecordedRun_ReproducesItsDigest()
    {
        var s = TestContentRoot.TestCatalog["netcap-buffer"];
        var session = Session.Start(s, s.Seed, TestContentRoot.TestCatalog.Digest);
        session.Advance(13);
        session.Submit("hint buy");
        session.Submit("modprobe netcap buf_alloc=vmalloc");
        session.Advance(100);
        session.Submit("systemctl restart netcap-agent");
        session.RunToEnd();
        SessionLog log = RunFile.Read(RunFile.Write(session.Log), out _)!;
        Assert.Equal(session.Digest(), Replayer.Run(s, log).Digest);
    }
}
