// Prints the end of a run for play, solve and replay: verdicts, the score card, and the final
// "RESULT won|lost  score N/1000  stars S  robustness R%  digest D" line.
using MemQuest.Scenarios.Judging;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Scoring;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.App.Cli.Incidents;

public static class RunReport
{
    public static int Print(ScenarioDefinition s, SessionOutcome outcome, TextWriter stdout) => Print(s, outcome, stdout, out _);

    public static int Print(ScenarioDefinition s, SessionOutcome outcome, TextWriter stdout, out ScoreCard card)
    {
        var hidden = Scorer.HiddenRuns(s, outcome.Log);
        SessionOutcome par = Replayer.Run(s, Replayer.ParLog(s, outcome.Log.ContentDigest), outcome.Log.Seed, receipts: false);
        card = Scorer.Score(s, outcome, hidden, par: par);
        stdout.Write("\nVERDICTS\n");
        foreach (Verdict v in outcome.Verdicts) stdout.Write($"  [{(v.Met ? "x" : " ")}] {v.Reason}\n");
        stdout.Write("SCORE\n");
        foreach (MetricScore m in card.Metrics) stdout.Write($"  {m.Name,-15} {m.Points,4}/{m.MaxPoints,-4} {m.Detail}\n");
        if (card.HintCost > 0) stdout.Write($"  {"hints",-15} {-card.HintCost,4}\n");
        stdout.Write($"  robustness: won {card.HiddenSeedsWon} of {card.HiddenSeedsPlayed} hidden seeds\n");
        stdout.Write($"  par: {card.ParTotal}/1000 with {card.ParActions} change(s); this run made {card.PlayerActions}\n");
        if (!card.Won) stdout.Write($"DEBRIEF\n{Indent(s.Debrief)}");
        stdout.Write($"RESULT {(card.Won ? "won" : "lost")}  score {card.Total}/1000  stars {card.Stars}  robustness {card.RobustnessPercent}%  digest {outcome.Digest}\n");
        return card.Won ? ExitCodes.Ok : ExitCodes.LostOrFailed;
    }

    private static string Indent(string text) => string.Concat(text.Split('\n').Select(l => "  " + l + "\n"));
}
