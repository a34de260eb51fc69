// The judge's throughput for 'memquest bench': a synthetic event over the first three incidents
// this engine can run, players submitting par runs on their own seeds, judged from a temp folder
// with every core. Reports runs per second and the time 10,000 runs would take.
using System.Diagnostics;
using System.Globalization;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Events;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.App.Events;

public static class JudgeBench
{
    public const int RunsPerPlayer = 100;

    /// <summary>One line with the figure, or why there is none.</summary>
    public static string Run(ContentCatalog catalog, int runs, int jobs)
    {
        var incidents = catalog.Scenarios.Where(s => Readiness.Missing(s, EngineKernel.Provided) is null).Take(3).ToList();
        if (incidents.Count == 0) return "event judge: no incident in this content runs on this engine build yet (" + BootTimes(catalog) + "); pass --content with one that does";
        DateTimeOffset start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var e = new EventDefinition("bench", "Bench", incidents.Select(s => s.Id).ToList(), new EventRules(true, 100, start, start.AddDays(1), 0), ["open"], TeamScoring.SumOfMembersBest);
        EventSecret secret = EventSecret.Generate();
        string folder = Path.Combine(Path.GetTempPath(), "memquest-judge-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            int players = (runs + RunsPerPlayer - 1) / RunsPerPlayer;
            for (int p = 0; p < players; p++) WritePlayer(folder, catalog, e, secret, incidents, p, Math.Min(RunsPerPlayer, runs - p * RunsPerPlayer));
            var sw = Stopwatch.StartNew();
            JudgeResult result = EventJudge.Judge(e, secret, catalog, folder, jobs);
            sw.Stop();
            double perSecond = result.Runs.Count / sw.Elapsed.TotalSeconds;
            string ids = string.Join(", ", incidents.Select(s => s.Id));
            double runMs = sw.Elapsed.TotalMilliseconds * jobs / Math.Max(1, result.Runs.Count);
            return $"event judge: {result.Runs.Count} runs of {ids} in {F(sw.Elapsed.TotalSeconds)} s with {jobs} job(s): {F(perSecond)} runs/s, 10,000 runs in {F(10_000 / perSecond)} s"
                + $" (a run takes {F(runMs)} ms of a core, booting its box {BootMs(incidents)} ms)"
                + (result.Rejections.Count > 0 ? $" ({result.Rejections.Count} rejected: {result.Rejections[0]})" : "");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static void WritePlayer(string folder, ContentCatalog catalog, EventDefinition e, EventSecret secret, List<ScenarioDefinition> incidents, int index, int runs)
    {
        Ticket t = Tickets.Issue(secret, e, $"player-{index:D5}", "team-" + (index % 10).ToString(CultureInfo.InvariantCulture), "open");
        var played = incidents.Select(s =>
        {
            SessionLog log = Replayer.ParLog(s, catalog.Digest) with { Seed = t.SeedFor(s.Id)!.Value };
            return new SubmittedRun(log, Replayer.Run(s, log).Digest, e.Rules.StartUtc.AddMinutes(index % 600), null);
        }).ToList();
        var all = Enumerable.Range(0, runs).Select(i => played[i % played.Count]).ToList();
        File.WriteAllText(Path.Combine(folder, $"p{index:D5}.json"), SubmissionFile.Write(new Submission(t.Player, t.Team, e.Rules.StartUtc, t, all)));
    }

    /// <summary>How long booting each of the first three incidents' boxes takes (what a judge would pay per run).</summary>
    private static string BootTimes(ContentCatalog catalog) => string.Join(", ", catalog.Scenarios.Take(3).Select(s =>
    {
        var sw = Stopwatch.StartNew();
        Engine.Machine.Boot(s.Machine.ToSpec(), s.Seed);
        return $"boot of {s.Id}'s box {F(sw.Elapsed.TotalMilliseconds)} ms";
    }));

    /// <summary>Mean boot time of the incidents' boxes over a few boots (is it worth reusing booted boxes?).</summary>
    private static string BootMs(List<ScenarioDefinition> incidents)
    {
        const int Boots = 10;
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < Boots; i++)
            foreach (ScenarioDefinition s in incidents) Engine.Machine.Boot(s.Machine.ToSpec(), (ulong)i);
        return F(sw.Elapsed.TotalMilliseconds / (Boots * incidents.Count));
    }

    private static string F(double d) => d.ToString("0.0", CultureInfo.InvariantCulture);
}
