// Scores a run (game-design §3): 1000 points split over the metrics the scenario names —
// service_health (share of ticks each service was within its SLO), headroom (lowest MemAvailable
// against the target), collateral (points minus the cost of every action taken), time (how soon the
// last change came, against par) — then hint costs are charged (never below zero). A lost run
// scores 0. Stars: 1 for solving, 2 from 700 points, 3 from 900 without the solution reveal.
// Robustness: how many hidden seeds the same log also wins.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Scoring;

public static class Scorer
{
    public const int TwoStarPoints = 700;
    public const int ThreeStarPoints = 900;

    public static ScoreCard Score(ScenarioDefinition s, SessionOutcome run, IReadOnlyList<SessionOutcome> hidden,
        bool solutionSeen = false, SessionOutcome? par = null)
    {
        bool won = run.Status == SessionStatus.Won;
        long parLastAction = s.Par.Where(p => ConsoleLine.Actions(p.Command).Count > 0).Select(p => p.AtTick).DefaultIfEmpty(0).Max();
        var metrics = s.Scoring.Metrics.Select(m => Metric(s, run.Metrics, m.Key, m.Value, parLastAction)).ToList();
        int raw = won ? metrics.Sum(m => m.Points) : 0;
        int total = Math.Max(0, raw - run.Metrics.HintCost);
        int stars = !won ? 0 : total >= ThreeStarPoints && !solutionSeen ? 3 : total >= TwoStarPoints ? 2 : 1;
        int? parTotal = par is null ? null : Score(s, par, [], false, null).Total;
        int parActions = s.Par.Count(p => ConsoleLine.Actions(p.Command).Count > 0);
        return new ScoreCard(won, metrics, run.Metrics.HintCost, total, stars, parTotal, parActions, run.Metrics.Actions.Count,
            hidden.Count(h => h.Status == SessionStatus.Won), hidden.Count);
    }

    /// <summary>Replay the run's log on every hidden seed (the robustness runs).</summary>
    public static IReadOnlyList<SessionOutcome> HiddenRuns(ScenarioDefinition s, SessionLog log) =>
        s.HiddenSeeds.Select(seed => Replayer.Run(s, log, seed, receipts: false)).ToList();

    private static MetricScore Metric(ScenarioDefinition s, RunMetrics m, string name, int max, long parLastAction) => name switch
    {
        "service_health" => ServiceHealth(m, max),
        "headroom" => Fraction(name, max, Math.Max(0, m.MinMemAvailableKb), s.Scoring.HeadroomTargetKb, $"lowest MemAvailable {Math.Max(0, m.MinMemAvailableKb)} kB, target {s.Scoring.HeadroomTargetKb} kB"),
        "collateral" => Collateral(m, max),
        "time" => Time(s, m, max, parLastAction),
        _ => new MetricScore(name, 0, max, "unknown metric"),
    };

    private static MetricScore ServiceHealth(RunMetrics m, int max)
    {
        if (m.SloBreachTicks.Count == 0 || m.Ticks == 0) return new MetricScore("service_health", max, max, "no service to keep healthy");
        long okTicks = m.SloBreachTicks.Values.Sum(b => Math.Max(0, m.Ticks - b));
        long allTicks = m.Ticks * m.SloBreachTicks.Count;
        string detail = string.Join(", ", m.SloBreachTicks.Select(kv => $"{kv.Key} over SLO {kv.Value / 10} s"));
        return Fraction("service_health", max, okTicks, allTicks, detail);
    }

    private static MetricScore Collateral(RunMetrics m, int max)
    {
        int cost = m.Actions.Sum(a => a.Cost);
        string detail = m.Actions.Count == 0 ? "no actions" : string.Join(", ", m.Actions.GroupBy(a => a.Kind).Select(g => $"{g.Key} x{g.Count()} -{g.Sum(a => a.Cost)}"));
        return new MetricScore("collateral", Math.Max(0, max - cost), max, detail);
    }

    private static MetricScore Time(ScenarioDefinition s, RunMetrics m, int max, long parLastAction)
    {
        long last = m.LastActionTick;
        string detail = $"last change at {last / 10} s, par at {parLastAction / 10} s";
        if (last <= parLastAction) return new MetricScore("time", max, max, detail);
        long window = Math.Max(1, s.EndTick - parLastAction);
        return new MetricScore("time", (int)(max * Math.Max(0, s.EndTick - last) / window), max, detail);
    }

    private static MetricScore Fraction(string name, int max, long have, long want, string detail) =>
        new(name, want <= 0 ? max : (int)(max * Math.Min(have, want) / want), max, detail);
}
