// The event's rules as the player's game and the judge both apply them: the window (both ends
// inside, as the judge's precheck accepts a run), attempts left, and the event's share of the hint
// cost charged in the score.
using MemQuest.Scenarios.Events;
using MemQuest.Scenarios.Scoring;

namespace MemQuest.Scenarios.Tests.Events;

public sealed class EventRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly EventRules Rules = new(true, 50, Start, Start.AddHours(6), 3);

    [Fact]
    public void WindowAt_BeforeAtAndAfterItsEnds()
    {
        Assert.Equal(EventWindow.NotOpen, Rules.WindowAt(Start.AddSeconds(-1)));
        Assert.Equal(EventWindow.Open, Rules.WindowAt(Start));
        Assert.Equal(EventWindow.Open, Rules.WindowAt(Start.AddHours(6)));
        Assert.Equal(EventWindow.Closed, Rules.WindowAt(Start.AddHours(6).AddSeconds(1)));
    }

    [Fact]
    public void UsesAttempt_OnlyRunsFinishedInsideTheWindow()
    {
        Assert.False(Rules.UsesAttempt(Start.AddMinutes(-1)));
        Assert.True(Rules.UsesAttempt(Start.AddMinutes(1)));
        Assert.False(Rules.UsesAttempt(Start.AddHours(7)));
    }

    [Fact]
    public void AttemptsLeft_CountsDownToZero_NullWithoutALimit()
    {
        Assert.Equal(3, Rules.AttemptsLeft(0));
        Assert.Equal(1, Rules.AttemptsLeft(2));
        Assert.Equal(0, Rules.AttemptsLeft(3));
        Assert.Equal(0, Rules.AttemptsLeft(5));
        Assert.Null((Rules with { Attempts = 0 }).AttemptsLeft(7));
    }

    [Fact]
    public void Charge_TakesTheEventsShareOfTheHintCost()
    {
        // 500 + 300 points, 200 of hints: at 50% the run pays 100 (game-design §3: hint cost from the event).
        var card = new ScoreCard(true, [new MetricScore("service_health", 500, 500, ""), new MetricScore("headroom", 300, 500, "")], 200, 600, 1, null, 0, 0, 0, 0);
        ScoreCard charged = Rules.Charge(card);
        Assert.Equal(100, charged.HintCost);
        Assert.Equal(700, charged.Total);
        Assert.Equal(2, charged.Stars);
        Assert.Equal(800, (Rules with { HintCostPercent = 0 }).Charge(card).Total);
        Assert.Equal(400, (Rules with { HintCostPercent = 200 }).Charge(card).Total);
    }

    [Fact]
    public void Charge_LostRun_ScoresZero()
    {
        var card = new ScoreCard(false, [new MetricScore("service_health", 500, 500, "")], 0, 0, 0, null, 0, 0, 0, 0);
        Assert.Equal(0, Rules.Charge(card).Total);
        Assert.Equal(0, Rules.Charge(card).Stars);
    }
}
