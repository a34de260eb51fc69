using MemQuest.Engine;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Tests.Play;

public sealed class SessionTests
{
    /// <summary>The par run's final digest on the main seed. Change it only with an EngineInfo.Version bump.</summary>
    private const string GoldenParDigest = "29D6049725B83F4D92E9582CE15B564EC710B5A3F118E306E53B03ED63C14143";

    private static ScenarioDefinition Netcap => TestContentRoot.TestCatalog["netcap-buffer"];
    private static string Digest => TestContentRoot.TestCatalog.Digest;

    public static TheoryData<string> TestScenarioIds() => new(TestContentRoot.TestCatalog.Scenarios.Select(s => s.Id));

    [Theory, MemberData(nameof(TestScenarioIds))]
    public void ParSolution_MainAndHiddenSeeds_Wins(string id)
    {
        ScenarioDefinition s = TestContentRoot.TestCatalog[id];
        foreach (ulong seed in s.HiddenSeeds.Prepend(s.Seed))
        {
            SessionOutcome o = Replayer.Run(s, Replayer.ParLog(s, Digest), seed);
            Assert.True(o.Status == SessionStatus.Won, $"seed {seed}: {string.Join("; ", o.Reasons)}");
        }
    }

    [Theory, MemberData(nameof(TestScenarioIds))]
    public void DoingNothing_ToTheEnd_Loses(string id)
    {
        ScenarioDefinition s = TestContentRoot.TestCatalog[id];
        SessionOutcome o = Replayer.Run(s, Replayer.EmptyLog(s, Digest));
        Assert.Equal(SessionStatus.Lost, o.Status);
        Assert.NotEmpty(o.Reasons);
    }

    [Fact]
    public void ParReplay_MainSeed_ReproducesCommittedDigest()
    {
        SessionOutcome o = Replayer.Run(Netcap, Replayer.ParLog(Netcap, Digest));
        Assert.Equal(3, EngineInfo.Version);
        Assert.True(GoldenParDigest == o.Digest, $"the par digest is now {o.Digest}: a deliberate change needs an EngineInfo.Version bump and this value here");
    }

    [Fact]
    public void SameLog_TwiceInOneProcess_SameDigest()
    {
        var log = Replayer.ParLog(Netcap, Digest);
        Assert.Equal(Replayer.Run(Netcap, log).Digest, Replayer.Run(Netcap, log).Digest);
    }

    [Fact]
    public void Seed_Differs_PidsAndDigestDiffer()
    {
        var a = Session.Start(Netcap, 11, Digest);
        var b = Session.Start(Netcap, 12, Digest);
        Assert.NotEqual(a.Services.Find("netcap-agent")!.Pid, b.Services.Find("netcap-agent")!.Pid);
        Assert.NotEqual(a.Digest(), b.Digest());
    }

    [Fact]
    public void Submit_BetweenTicks_LogsCanonicalLineWithItsTick()
    {
        var s = Session.Start(Netcap, Netcap.Seed, Digest);
        s.Advance(7);
        s.Submit("  modprobe   netcap  buf_alloc=vmalloc ");
        s.Advance(3);
        s.Submit("lsmod");
        Assert.Equal([new LoggedCommand(7, "modprobe netcap buf_alloc=vmalloc"), new LoggedCommand(10, "lsmod")], s.Log.Commands);
        Assert.Equal(10, s.Log.EndTick);
    }

    [Fact]
    public void Advance_TicksAreFixed_ClockMovesHundredMsEach()
    {
        var s = Session.Start(Netcap, Netcap.Seed, Digest);
        s.Advance(25);
        Assert.Equal(25, s.Tick);
        Assert.Equal("09:40:02", s.Incident.Clock.At(s.Tick));
    }

    [Fact]
    public void LosingCondition_Holds_EndsTheIncidentEarlyWithItsReason()
    {
        var s = Session.Start(Netcap, Netcap.Seed, Digest);
        s.Submit("modprobe netcap buf_alloc=vmalloc");
        s.Submit("systemctl stop netcap-agent");
        s.RunToEnd();
        Assert.Equal(SessionStatus.Lost, s.Status);
        Assert.Equal(300, s.Tick);
        Assert.Contains(s.Verdicts, v => v.Id == "agent-down" && v.Reason == "netcap-agent has been down for 30 s; the capture SLA is broken.");
    }

    [Fact]
    public void Verdict_Unmet_FillsFactsIntoTheSentence()
    {
        var s = Session.Start(Netcap, Netcap.Seed, Digest);
        s.Advance(1);
        Assert.Contains(s.Verdicts, v => !v.Met && v.Reason == "netcap is not loaded (buffer via none): no packets are being captured.");
    }

    [Fact]
    public void Submit_AfterTheEnd_IsRefusedAndNotLogged()
    {
        var s = Session.Start(Netcap, Netcap.Seed, Digest);
        s.RunToEnd();
        var r = s.Submit("lsmod");
        Assert.Equal(MemQuest.Scenarios.Shell.ShellStatus.Usage, r.Status);
        Assert.Empty(s.Log.Commands);
    }

    [Fact]
    public void Restart_TakesStartupTicks_ServiceIsDownMeanwhile()
    {
        var s = Session.Start(Netcap, Netcap.Seed, Digest);
        int before = s.Services.Find("netcap-agent")!.Pid;
        s.Submit("systemctl restart netcap-agent");
        s.Advance(Services.ServiceTable.StartupTicks - 1);
        Assert.False(s.Services.Find("netcap-agent")!.Running);
        s.Advance(1);
        var p = s.Services.Find("netcap-agent")!;
        Assert.True(p.Running);
        Assert.NotEqual(before, p.Pid);
        Assert.Equal(1, p.Restarts);
    }

    [Fact]
    public void Vmalloc_ModuleLoaded_TakesOrderZeroPagesFromTheBuddyAllocator()
    {
        var s = Session.Start(Netcap, Netcap.Seed, Digest);
        long free = s.Machine.Node.NrFreePages;
        s.Submit("modprobe netcap buf_alloc=vmalloc");
        Assert.Equal(free - 2048, s.Machine.Node.NrFreePages);
        s.Submit("modprobe -r netcap");
        Assert.Equal(free, s.Machine.Node.NrFreePages);
    }

    [Fact]
    public void Kmalloc_AboveKmallocMaxSize_FailsInThePageAllocatorWithAReceipt()
    {
        var s = Session.Start(Netcap, Netcap.Seed, Digest);
        Assert.Equal(1, s.Machine.PageAlloc.AllocFailures);
        Assert.Contains(s.Receipts.Events, e => e.Describe().Contains("order:11", StringComparison.Ordinal));
    }
}
