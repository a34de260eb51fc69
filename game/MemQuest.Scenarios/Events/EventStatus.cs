// The instructor's view: per player, which incidents are solved, how many runs each took, and who
// is stuck (at least StuckAttempts runs of an incident and no solve), as a terminal table.
using System.Text;

namespace MemQuest.Scenarios.Events;

public static class EventStatus
{
    public const int StuckAttempts = 3;

    public static string Table(EventDefinition e, IReadOnlyList<Ticket> entrants, IReadOnlyList<JudgedRun> runs, IReadOnlyList<Rejection> rejections)
    {
        string[] header = ["player", "team", .. e.Incidents, "solved", "stuck on"];
        var rows = entrants.DistinctBy(t => t.Player).OrderBy(t => t.Team, StringComparer.Ordinal).ThenBy(t => t.Player, StringComparer.Ordinal).Select(t =>
        {
            var mine = runs.Where(r => r.Player == t.Player).ToList();
            var cells = e.Incidents.Select(i => Cell(mine.Where(r => r.Incident == i).ToList())).ToList();
            var stuck = e.Incidents.Where(i => mine.Count(r => r.Incident == i) >= StuckAttempts && !mine.Any(r => r.Incident == i && r.Won)).ToList();
            int solved = e.Incidents.Count(i => mine.Any(r => r.Incident == i && r.Won));
            return (string[])[t.Player, t.Team, .. cells, $"{solved}/{e.Incidents.Count}", stuck.Count == 0 ? "-" : string.Join(" ", stuck)];
        }).ToList();
        var s = new StringBuilder($"{e.Title} ({e.Id}): solved = won at least once; cells are 'solved/runs' or 'runs' tried\n\n");
        int[] widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (string[] r in new[] { header }.Concat(rows))
            s.Append(string.Join("  ", r.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
        if (rejections.Count > 0) s.Append($"\n{rejections.Count} rejected file(s) or run(s); 'memquest event judge' lists them\n");
        return s.ToString();
    }

    private static string Cell(List<JudgedRun> runs) =>
        runs.Count == 0 ? "-" : runs.Any(r => r.Won) ? $"solved/{runs.Count}" : $"{runs.Count} tried";
}
