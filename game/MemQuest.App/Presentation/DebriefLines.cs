// The debrief as one document: the score card with the verdicts, the player's actions beside par,
// robustness, the kernel receipts (why each decision happened) and the root cause. Pure.
using MemQuest.Engine.Events;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Scoring;

namespace MemQuest.App.Presentation;

public static class DebriefLines
{
    /// <param name="parLocked">During a team event: why par and the root cause are hidden (they unlock when it ends); null shows them.</param>
    public static IReadOnlyList<string> For(Session session, ScoreCard card, int width, string? parLocked = null)
    {
        var clock = session.Incident.Clock;
        var lines = new List<string>();
        lines.AddRange(ScoreCardLines.Card(card, session.Verdicts));
        lines.Add("");
        lines.Add("── Your actions beside par ──");
        lines.AddRange(ScoreCardLines.ParBeside(
            session.Log.Commands.Select(c => (clock.At(c.Tick), c.Line)).ToList(),
            parLocked is null ? session.Scenario.Par.Select(p => (clock.At(p.AtTick), p.Command)).ToList() : [], width));
        if (parLocked is not null) lines.Add(parLocked);
        lines.Add("");
        lines.Add("── Kernel receipts: why it happened ──");
        // Within a tick the failures and the module's own messages come first: they say what went
        // wrong; the buddy splits of the same tick are the detail under them.
        var receipts = session.Receipts.Events.Where((e, i) => i < 200 || IsFailure(e)).Select(e => (e.Tick, Rank: IsFailure(e) ? 0 : 2, Text: e.Describe()))
            .Concat(session.Modules.KernelLog.Select(k => (k.Tick, Rank: 1, Text: "kernel: " + k.Text)))
            .OrderBy(r => r.Tick).ThenBy(r => r.Rank).Select(r => $"{clock.At(r.Tick)} {r.Text}").ToList();
        lines.AddRange(receipts.Count == 0 ? ["(no kernel decisions worth a receipt)"] : receipts);
        lines.Add("");
        lines.Add("── Root cause ──");
        if (parLocked is null) lines.AddRange(TextReflow.Reflow(session.Scenario.Debrief, width)); else lines.Add(parLocked);
        return lines;
    }

    private static bool IsFailure(KernelEvent e) => e is AllocFailed or KmallocFailed or OomKillerDecided;
}
