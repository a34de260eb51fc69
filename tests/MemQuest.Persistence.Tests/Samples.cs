using MemQuest.Persistence.Documents;

namespace MemQuest.Persistence.Tests;

/// <summary>Small sample documents.</summary>
internal static class Samples
{
    public static RunLog Log(string scenario = "billing-oom", int commands = 3) => new()
    {
        ScenarioId = scenario,
        ContentDigest = "sha256:abc123",
        EngineVersion = 7,
        Seed = -1234567890123L,
        Commands = Enumerable.Range(0, commands).Select(i => new LoggedCommand { Tick = i * 10L, Line = $"echo {i} > /proc/sys/vm/drop_caches" }).ToList(),
        EndTick = 999,
    };

    public static ScoreCardRecord Card(int total = 870, int stars = 2) => new()
    {
        Total = total,
        Stars = stars,
        Metrics = [new MetricScore { Name = "uptime", Points = 500, MaxPoints = 500 }, new MetricScore { Name = "hints", Points = -30, MaxPoints = 0 }],
    };

    public static RunRecord Run(string incident = "billing-oom", RunOutcome outcome = RunOutcome.Won, int total = 870, int stars = 2) =>
        new(incident, Log(incident), Card(total, stars), outcome, "digest:ffee");
}
