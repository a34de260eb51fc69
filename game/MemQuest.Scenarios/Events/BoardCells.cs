// The board's tables as text cells, shared by the terminal table, Markdown, CSV and HTML so every
// format shows the same rows. Times are simulated seconds (ticks of 100 ms) with one decimal.
using System.Globalization;

namespace MemQuest.Scenarios.Events;

public static class BoardCells
{
    public static IReadOnlyList<string> PlayerHeader(Board b) =>
        ["rank", "player", "team", "bracket", "bracket_rank", .. b.Incidents, "total", "solve_s", "commands", "runs"];

    public static IReadOnlyList<IReadOnlyList<string>> PlayerRows(Board b) => b.Players.Select(p => (IReadOnlyList<string>)
        [N(p.Rank), p.Player, p.Team, p.Bracket, N(p.BracketRank), .. p.Best.Select(x => x is null ? "-" : N(x.Value)), N(p.Total), Seconds(p.SolveTicks), N(p.Commands), N(p.Runs)]).ToList();

    public static IReadOnlyList<string> TeamHeader => ["rank", "team", "members", "total"];

    public static IReadOnlyList<IReadOnlyList<string>> TeamRows(Board b) =>
        b.Teams.Select(t => (IReadOnlyList<string>)[N(t.Rank), t.Team, N(t.Members), N(t.Total)]).ToList();

    public static IReadOnlyList<string> FirstSolveHeader => ["incident", "first_solve", "finished_utc"];

    public static IReadOnlyList<IReadOnlyList<string>> FirstSolveRows(Board b) => b.FirstSolves.Select(f => (IReadOnlyList<string>)
        [f.Incident, f.Player ?? "-", f.FinishedUtc is { } t ? EventFile.Utc(t) : "-"]).ToList();

    public static string Heading(Board b) =>
        $"{b.Title} ({b.EventId})" + (b.FrozenAtUtc is { } f ? $", frozen at {EventFile.Utc(f)}: later results are hidden" : "");

    public static string Seconds(long ticks) => (ticks / 10.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
