// The debrief's text: outcome and why, the score card per metric, par beside the player's actions,
// robustness on hidden seeds, and the kernel receipts. Pure.
using MemQuest.Scenarios.Judging;
using MemQuest.Scenarios.Scoring;

namespace MemQuest.App.Presentation;

public static class ScoreCardLines
{
    public static IReadOnlyList<string> Card(ScoreCard card, IReadOnlyList<Verdict> verdicts)
    {
        var lines = new List<string>
        {
            card.Won ? $"SOLVED  {card.Total}/1000  {new string('★', card.Stars)}{new string('☆', 3 - card.Stars)}" : "NOT SOLVED  0/1000",
            "",
        };
        foreach (Verdict v in verdicts) lines.Add((v.Met ? "[x] " : "[ ] ") + v.Reason);
        lines.Add("");
        foreach (MetricScore m in card.Metrics) lines.Add($"{m.Name,-15} {m.Points,4}/{m.MaxPoints,-4} {m.Detail}");
        if (card.HintCost > 0) lines.Add($"{"hints",-15} {-card.HintCost,4}");
        lines.Add($"{"total",-15} {card.Total,4}/1000");
        lines.Add("");
        lines.Add($"par: {(card.ParTotal is int p ? $"{p}/1000 with " : "")}{card.ParActions} action(s); you: {card.PlayerActions} action(s)");
        lines.Add($"robustness: your actions won {card.HiddenSeedsWon} of {card.HiddenSeedsPlayed} hidden seeds ({card.RobustnessPercent}%)");
        return lines;
    }

    /// <summary>The player's lines beside par's, by time.</summary>
    public static IReadOnlyList<string> ParBeside(IReadOnlyList<(string At, string Line)> yours, IReadOnlyList<(string At, string Line)> par, int width)
    {
        int half = Math.Max(10, (width - 3) / 2);
        var lines = new List<string> { "you".PadRight(half) + " │ par" };
        for (int i = 0; i < Math.Max(yours.Count, par.Count); i++)
        {
            string l = i < yours.Count ? $"{yours[i].At} {yours[i].Line}" : "";
            string r = i < par.Count ? $"{par[i].At} {par[i].Line}" : "";
            lines.Add((l.Length > half ? l[..half] : l.PadRight(half)) + " │ " + r);
        }
        return lines;
    }
}
