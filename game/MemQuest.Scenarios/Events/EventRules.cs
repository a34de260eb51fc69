// An event's rules: whether hints may be bought and what share of their cost is charged, the UTC
// window runs must finish in, and how many runs per incident count (0: no limit). The helpers are
// the one place the judge and the player's game read them, so both count and charge alike.
using MemQuest.Scenarios.Scoring;

namespace MemQuest.Scenarios.Events;

public sealed record EventRules(bool HintsAllowed, int HintCostPercent, DateTimeOffset StartUtc, DateTimeOffset EndUtc, int Attempts)
{
    /// <summary>Before the start, inside the window (both ends included, as the judge checks), or after the end.</summary>
    public EventWindow WindowAt(DateTimeOffset nowUtc) =>
        nowUtc < StartUtc ? EventWindow.NotOpen : nowUtc > EndUtc ? EventWindow.Closed : EventWindow.Open;

    /// <summary>True when a run that finished at <paramref name="finishedUtc"/> uses one of the incident's attempts:
    /// the judge counts every run it does not reject for finishing outside the window.</summary>
    public bool UsesAttempt(DateTimeOffset finishedUtc) => WindowAt(finishedUtc) == EventWindow.Open;

    /// <summary>Attempts left after <paramref name="used"/>; null when the event sets no limit.</summary>
    public int? AttemptsLeft(int used) => Attempts == 0 ? null : Math.Max(0, Attempts - used);

    /// <summary>The card with the event's share of the hint cost charged instead of the full cost (game-design §3).</summary>
    public ScoreCard Charge(ScoreCard card)
    {
        int hintCost = card.HintCost * HintCostPercent / 100;
        int raw = card.Won ? card.Metrics.Sum(m => m.Points) : 0;
        int total = Math.Max(0, raw - hintCost);
        int stars = !card.Won ? 0 : total >= Scorer.ThreeStarPoints ? 3 : total >= Scorer.TwoStarPoints ? 2 : 1;
        return card with { HintCost = hintCost, Total = total, Stars = stars };
    }
}
