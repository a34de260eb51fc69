using MemQuest.Scenarios.Debrief;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Scoring;
using MemQuest.Scenarios.Model.Costs;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Tests.Scoring;

public sealed class ScorerTests
{
    private static ScenarioDefinition Netcap => TestContentRoot.TestCatalog["netcap-buffer"];

    private static SessionOutcome Outcome(SessionStatus status, int hintCost = 0, long breachTicks = 0, int actionCost = 0, long actionTick = 10, long minAvailableKb = 1 << 20)
    {
        var m = new RunMetrics { HintCost = hintCost, Ticks = 600, MinMemAvailableKb = minAvailableKb };
        m.SloBreachTicks["netcap-agent"] = breachTicks;
        if (actionCost > 0) m.Actions.Add(new ActionCharge(actionTick, "modprobe netcap", ActionKind.Modprobe, actionCost));
        var log = new SessionLog("netcap-buffer", "D", 1, 11, [], 600);
        return new SessionOutcome(status, [], "X", log, m, new Receipts(), []);
    }

    [Theory]
    [InlineData(0, 1000, 3)]
    [InlineData(100, 900, 3)]
    [InlineData(101, 899, 2)]
    [InlineData(300, 700, 2)]
    [InlineData(301, 699, 1)]
    [InlineData(5000, 0, 1)]
    public void Score_HintCosts_NeverBelowZeroAndSetStars(int hintCost, int total, int stars)
    {
        ScoreCard card = Scorer.Score(Netcap, Outcome(SessionStatus.Won, hintCost), []);
        Assert.Equal(total, card.Total);
        Assert.Equal(stars, card.Stars);
    }

    [Fact]
    public void Score_SolutionSeen_NoThirdStar()
    {
        Assert.Equal(2, Scorer.Score(Netcap, Outcome(SessionStatus.Won), [], solutionSeen: true).Stars);
    }

    [Fact]
    public void Score_LostRun_ScoresZeroWithoutStars()
    {
        ScoreCard card = Scorer.Score(Netcap, Outcome(SessionStatus.Lost), []);
        Assert.Equal((0, 0, false), (card.Total, card.Stars, card.Won));
    }

    [Theory]
    [InlineData(0, 400)]
    [InlineData(300, 200)]
    [InlineData(600, 0)]
    public void Score_SloBreachShare_ScalesServiceHealth(long breachTicks, int points) =>
        Assert.Equal(points, Scorer.Score(Netcap, Outcome(SessionStatus.Won, breachTicks: breachTicks), []).Metrics.Single(m => m.Name == "service_health").Points);

    [Theory]
    [InlineData(20, 180)]
    [InlineData(500, 0)]
    public void Score_ActionCosts_ComeOffCollateralNeverBelowZero(int cost, int points) =>
        Assert.Equal(points, Scorer.Score(Netcap, Outcome(SessionStatus.Won, actionCost: cost), []).Metrics.Single(m => m.Name == "collateral").Points);

    [Theory]
    [InlineData(20, 200)]
    [InlineData(310, 100)]
    [InlineData(599, 0)]
    public void Score_LateLastChange_LosesTimePointsAgainstPar(long tick, int points) =>
        Assert.Equal(points, Scorer.Score(Netcap, Outcome(SessionStatus.Won, actionCost: 1, actionTick: tick), []).Metrics.Single(m => m.Name == "time").Points);

    [Theory]
    [InlineData(65536, 200)]
    [InlineData(32768, 100)]
    public void Score_LowestMemAvailable_AgainstHeadroomTarget(long kb, int points) =>
        Assert.Equal(points, Scorer.Score(Netcap, Outcome(SessionStatus.Won, minAvailableKb: kb), []).Metrics.Single(m => m.Name == "headroom").Points);

    [Fact]
    public void Metrics_Split_AddUpTo1000()
    {
        ScoreCard card = Scorer.Score(Netcap, Outcome(SessionStatus.Won), []);
        Assert.Equal(1000, card.Metrics.Sum(m => m.MaxPoints));
    }

    [Fact]
    public void HiddenRuns_ReplayTheLogOnEveryHiddenSeed()
    {
        var log = Replayer.ParLog(Netcap, TestContentRoot.TestCatalog.Digest);
        var runs = Scorer.HiddenRuns(Netcap, log);
        Assert.Equal(Netcap.HiddenSeeds, runs.Select(r => r.Log.Seed));
        Assert.All(runs, r => Assert.Equal(log.Commands, r.Log.Commands));
        Assert.Equal(100, Scorer.Score(Netcap, Outcome(SessionStatus.Won), runs).RobustnessPercent);
    }

    [Fact]
    public void Robustness_LogThatLosesOnHiddenSeeds_CountsThem()
    {
        var lost = new[] { Outcome(SessionStatus.Lost), Outcome(SessionStatus.Won), Outcome(SessionStatus.Lost) };
        ScoreCard card = Scorer.Score(Netcap, Outcome(SessionStatus.Won), lost);
        Assert.Equal((1, 3, 33), (card.HiddenSeedsWon, card.HiddenSeedsPlayed, card.RobustnessPercent));
    }

    [Fact] // a module's printk lands in the box's kernel log, stamped like every other line of dmesg
    public void Modprobe_Messages_AreInDmesg()
    {
        var s = Session.Start(Netcap, Netcap.Seed, TestContentRoot.TestCatalog.Digest);
        s.Advance(20);
        s.Submit("modprobe netcap buf_alloc=vmalloc");
        Assert.EndsWith("] netcap: 8192 kB capture buffer allocated with vmalloc", s.Machine.Kmsg.Lines[^1]);
    }

    [Fact]
    public void Postmortem_ParRun_HasTimelineRootCauseAndParFix()
    {
        var s = Session.Start(Netcap, Netcap.Seed, TestContentRoot.TestCatalog.Digest);
        s.Advance(20);
        s.Submit("modprobe netcap buf_alloc=vmalloc");
        s.RunToEnd();
        string md = Postmortem.Write(s, Scorer.Score(Netcap, SessionOutcome.Of(s), []));
        Assert.StartsWith("# Postmortem: 09:40 page: netcap will not load", md);
        Assert.Contains("- 09:40:02 `modprobe netcap buf_alloc=vmalloc`", md);
        Assert.Contains("kernel: netcap: 8192 kB capture buffer allocated with vmalloc", md);
        Assert.Contains("## Root cause", md);
        Assert.Contains("(Modprobe, -20 points)", md);
        Assert.Contains("page allocation failure: order:11", md);
        Assert.Contains("## Par fix", md);
    }
}
