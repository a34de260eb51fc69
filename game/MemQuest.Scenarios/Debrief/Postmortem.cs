// Writes the Markdown incident report for a team debrief: summary, timeline (the player's actions,
// service journal lines and kernel messages in tick order), root cause (the scenario's debrief),
// actions and their costs, the score card, kernel receipts and the par fix.
using System.Text;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Scoring;
using MemQuest.Scenarios.Services;

namespace MemQuest.Scenarios.Debrief;

public static class Postmortem
{
    public static string Write(Session session, ScoreCard card)
    {
        ScenarioDefinition s = session.Scenario;
        var md = new StringBuilder();
        md.Append($"# Postmortem: {s.Title}\n\n");
        md.Append($"- Incident: `{s.Id}` (seed {session.Seed}), box `{s.Machine.Id}`\n");
        md.Append($"- Outcome: **{session.Status.ToString().ToLowerInvariant()}**, {card.Total}/1000 points, {card.Stars} star(s)\n\n");
        md.Append("## Summary\n\n").Append(s.Briefing).Append("\n\n");
        Timeline(md, session);
        md.Append("## Root cause\n\n").Append(s.Debrief).Append("\n\n");
        Actions(md, session);
        md.Append("## Verdicts\n\n");
        foreach (var v in session.Verdicts) md.Append($"- {(v.Met ? "met" : "NOT met")}: {v.Reason}\n");
        md.Append("\n## Score\n\n| metric | points | of | detail |\n|---|---:|---:|---|\n");
        foreach (MetricScore m in card.Metrics) md.Append($"| {m.Name} | {m.Points} | {m.MaxPoints} | {m.Detail} |\n");
        md.Append($"| hints | -{card.HintCost} | | |\n| **total** | **{card.Total}** | 1000 | robustness {card.RobustnessPercent}% of hidden seeds |\n\n");
        md.Append("## Kernel receipts\n\n");
        foreach (var e in Headline(session.Receipts)) md.Append($"- {Clock(session, e.Tick)} {e.Describe()}\n");
        if (session.Receipts.Events.Count == 0) md.Append("- (no kernel decisions worth a receipt)\n");
        md.Append("\n## Par fix\n\n```\n");
        foreach (ParStep p in s.Par) md.Append($"{Clock(session, p.AtTick)}  {p.Command}\n");
        md.Append("```\n");
        return md.ToString();
    }

    private static void Timeline(StringBuilder md, Session session)
    {
        var rows = new List<(long Tick, int Order, string Text)>();
        foreach (TranscriptEntry t in session.Transcript) rows.Add((t.Tick, 1, $"`{t.Line}`"));
        foreach (WorkloadProcess p in session.Services.Processes.Where(p => p.IsService))
            foreach (JournalEntry j in p.Journal) rows.Add((j.Tick, 0, $"{p.Unit}: {j.Text}"));
        foreach (JournalEntry k in session.Modules.KernelLog) rows.Add((k.Tick, 0, $"kernel: {k.Text}"));
        md.Append("## Timeline\n\n");
        foreach (var r in rows.OrderBy(r => r.Tick).ThenBy(r => r.Order)) md.Append($"- {Clock(session, r.Tick)} {r.Text}\n");
        md.Append('\n');
    }

    private static void Actions(StringBuilder md, Session session)
    {
        md.Append("## Actions and their costs\n\n");
        if (session.Metrics.Actions.Count == 0) md.Append("No changes were made.\n\n");
        foreach (ActionCharge a in session.Metrics.Actions) md.Append($"- {Clock(session, a.Tick)} `{a.Line}` ({a.Kind}, -{a.Cost} points)\n");
        md.Append('\n');
    }

    /// <summary>Up to MaxShown receipts in tick order, decisions (failures, watermarks, steals) before split chains.</summary>
    private static IEnumerable<Engine.Events.KernelEvent> Headline(Receipts receipts)
    {
        const int MaxShown = 40;
        var decisions = receipts.Events.Where(e => e is not Engine.Events.BuddySplit).Take(MaxShown).ToList();
        var splits = receipts.Events.OfType<Engine.Events.BuddySplit>().Take(MaxShown - decisions.Count);
        return decisions.Concat(splits).OrderBy(e => e.Tick);
    }

    private static string Clock(Session session, long tick) => session.Incident.Clock.At(tick);
}
