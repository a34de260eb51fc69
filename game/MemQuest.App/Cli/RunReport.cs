// Prints the end of a run for play, solve and replay: verdicts, the score card, and the final
// "RESULT won|lost  score N/1000  stars S  robustness R%  digest D" line.
using MemQuest.Scenarios.Judging;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Scoring;

namespace MemQuest.App.Cli;

public static class RunReport
{
    public static int Print(ScenarioDefinition s, SessionOutcome outcome, TextWriter stdout)
    {
        var hidden = Scorer.HiddenRuns(s, outcome.Log);
        ScoreCard card = Scorer.Score(s, outcome, hidden);
        stdout.Write("\nVERDICTS\n");
        foreach (Verdict v in outcome.Verdicts) stdout.Write($"  [{(v.Met ? "x" : " ")}] {v.Reason}\n");
        stdout.Write("SCORE\n");
        foreach (MetricScore m in card.Metrics) stdout.Write($"  {m.Name,-15} {m.Points,4}/{m.MaxPoints,-4} {m.Detail}\n");
        if (card.HintCost > 0) stdout.Write($"  {"hints",-15} {-card.HintCost,4}\n");
        stdout.Write($"  robustness: won {card.HiddenSeedsWon} of {card.HiddenSeedsPlayed} hidden seeds\n");
        stdout.Write($"RESULT {(card.Won ? "won" : "lost")}  score {card.Total}/1000  stars {card.Stars}  robustness {card.RobustnessPercent}%  digest {outcome.Digest}\n");
        return card.Won ? ExitCodes.Ok : ExitCodes.LostOrFailed;
    }
}
