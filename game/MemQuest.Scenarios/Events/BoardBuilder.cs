// Builds the board from judged runs (pure and order-independent: every list is sorted with ordinal
// tie-breaks, so the same runs always give the same board). A player's score is the sum of their
// best per incident; ties go to less simulated time to solve, then fewer commands. Runs finished
// after the freeze time are hidden.
namespace MemQuest.Scenarios.Events;

public static class BoardBuilder
{
    public static Board Build(EventDefinition e, IReadOnlyList<Ticket> entrants, IReadOnlyList<JudgedRun> runs,
        IReadOnlyList<Rejection> rejections, DateTimeOffset? freezeAtUtc)
    {
        var shown = runs.Where(r => freezeAtUtc is null || r.FinishedUtc <= freezeAtUtc).ToList();
        var best = shown.GroupBy(r => (r.Player, r.Incident)).ToDictionary(g => g.Key, g => g.OrderBy(r => r, BestFirst).First());
        List<PlayerRow> players = RankPlayers(e, entrants, best, shown);
        return new Board(e.Id, e.Title, e.Incidents, freezeAtUtc, players, RankTeams(e, players), FirstSolves(e, shown),
            Spreads(e, players, best), [.. rejections.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Reason, StringComparer.Ordinal)]);
    }

    /// <summary>Best run first: more points, then less simulated time, then fewer commands, then earlier.</summary>
    public static readonly IComparer<JudgedRun> BestFirst = Comparer<JudgedRun>.Create((a, b) =>
    {
        int c = b.Total.CompareTo(a.Total);
        if (c == 0) c = a.SolveTicks.CompareTo(b.SolveTicks);
        if (c == 0) c = a.Commands.CompareTo(b.Commands);
        return c != 0 ? c : a.FinishedUtc.CompareTo(b.FinishedUtc);
    });

    private static List<PlayerRow> RankPlayers(EventDefinition e, IReadOnlyList<Ticket> entrants,
        Dictionary<(string, string), JudgedRun> best, List<JudgedRun> shown)
    {
        var rows = entrants.DistinctBy(t => t.Player).Select(t =>
        {
            var mine = e.Incidents.Select(i => best.GetValueOrDefault((t.Player, i))).ToList();
            var counted = mine.Where(r => r is not null).Select(r => r!).ToList();
            return new PlayerRow(0, t.Player, t.Team, t.Bracket, 0, mine.Select(r => r?.Total).ToList(), counted.Sum(r => r.Total),
                counted.Where(r => r.Won).Sum(r => r.SolveTicks), counted.Sum(r => r.Commands), shown.Count(r => r.Player == t.Player));
        }).OrderByDescending(r => r.Total).ThenBy(r => r.SolveTicks).ThenBy(r => r.Commands).ThenBy(r => r.Player, StringComparer.Ordinal).ToList();
        var ranked = new List<PlayerRow>();
        foreach (PlayerRow r in rows)
        {
            int rank = 1 + rows.Count(o => Ahead(o, r));
            int bracketRank = 1 + rows.Count(o => o.Bracket == r.Bracket && Ahead(o, r));
            ranked.Add(r with { Rank = rank, BracketRank = bracketRank });
        }
        return ranked;
    }

    private static bool Ahead(PlayerRow o, PlayerRow r) =>
        o.Total > r.Total || (o.Total == r.Total && (o.SolveTicks < r.SolveTicks || (o.SolveTicks == r.SolveTicks && o.Commands < r.Commands)));

    private static List<TeamRow> RankTeams(EventDefinition e, List<PlayerRow> players)
    {
        var teams = players.GroupBy(p => p.Team).Select(g => new TeamRow(0, g.Key, g.Count(), e.TeamScoring == TeamScoring.SumOfMembersBest
                ? g.Sum(p => p.Total)
                : Enumerable.Range(0, e.Incidents.Count).Sum(i => g.Max(p => p.Best[i] ?? 0))))
            .OrderByDescending(t => t.Total).ThenBy(t => t.Team, StringComparer.Ordinal).ToList();
        return teams.Select(t => t with { Rank = 1 + teams.Count(o => o.Total > t.Total) }).ToList();
    }

    private static List<FirstSolve> FirstSolves(EventDefinition e, List<JudgedRun> shown) => e.Incidents.Select(i =>
    {
        JudgedRun? first = shown.Where(r => r.Incident == i && r.Won).OrderBy(r => r.FinishedUtc).ThenBy(r => r.Player, StringComparer.Ordinal).FirstOrDefault();
        return new FirstSolve(i, first?.Player, first?.FinishedUtc);
    }).ToList();

    private static List<MetricSpread> Spreads(EventDefinition e, List<PlayerRow> players, Dictionary<(string, string), JudgedRun> best)
    {
        var spreads = new List<MetricSpread>();
        foreach (string incident in e.Incidents)
        {
            var runs = players.OrderBy(p => p.Player, StringComparer.Ordinal).Select(p => best.GetValueOrDefault((p.Player, incident))).Where(r => r is not null).Select(r => r!).ToList();
            if (runs.Count == 0) continue;
            spreads.Add(new MetricSpread(incident, "total", 1000, runs.Select(r => KeyValuePair.Create(r.Player, r.Total)).ToList()));
            foreach (var metric in runs[0].Metrics)
                spreads.Add(new MetricSpread(incident, metric.Name, metric.MaxPoints,
                    runs.Select(r => KeyValuePair.Create(r.Player, r.Metrics.FirstOrDefault(m => m.Name == metric.Name)?.Points ?? 0)).ToList()));
        }
        return spreads;
    }
}
