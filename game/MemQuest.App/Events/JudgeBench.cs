// The judge's throughput for 'memquest bench': a synthetic event over the first three incidents
// this engine can run, players submitting par runs on their own seeds, judged from a temp folder
// with every core. Reports runs per second and the time 10,000 runs would take (issue 11 asks for
// under 10 minutes on 2 cores). A quick sample by default: the whole bench stays under 30 s.
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

    /// <summary>The default sample: two par runs of each of the three incidents.</summary>
    public const int DefaultRuns = 6;

    /// <summary>One line with the figure, or why there is none.</summary>
    public static string Run(ContentCatalog catalog, int runs, int jobs)
    {
        var incidents = Campaign(catalog).Where(s => Readiness.Missing(s, EngineKernel.Provided) is null).Take(3).ToList();
        if (incidents.Count == 0) return "judge: no incident in this content runs on this engine build yet (" + BootTimes(catalog) + "); pass --content with one that does";
        DateTimeOffset start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var e = new EventDefinition("bench", "Bench", incidents.Select(s => s.Id).ToList(), new EventRules(true, 100, start, start.AddDays(1), 0), ["open"], TeamScoring.SumOfMembersBest);
        EventSecret secret = EventSecret.Generate();
        string folder = Path.Combine(Path.GetTempPath(), "memquest-judge-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            int players = (runs + RunsPerPlayer - 1) / RunsPerPlayer;
            for (int p = 0; p < players; p++) WritePlayer(folder, catalog, e, secret, incidents, p, Math.Min(RunsPerPlayer, runs - p * RunsPerPlayer));
            using var process = Process.GetCurrentProcess();
            TimeSpan cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            JudgeResult result = EventJudge.Judge(e, secret, catalog, folder, jobs);
            sw.Stop();
            process.Refresh();
            int judged = Math.Max(1, result.Runs.Count);
            double perSecond = judged / sw.Elapsed.TotalSeconds;
            // On a shared box the wall clock counts other work too; the CPU time per run does not.
            double cpuMs = (process.TotalProcessorTime - cpu0).TotalMilliseconds / judged;
            double idleMinutes = 10_000 * cpuMs / jobs / 60_000;
            string ids = string.Join(", ", incidents.Select(s => s.Id));
            return $"judge: {F(perSecond)} runs/s (10,000 runs of the {incidents.Count} incidents ≈ {F(10_000 / perSecond / 60)} min on {jobs} job(s);"
                + $" {F(idleMinutes)} min by CPU time, {F(cpuMs)} ms of CPU a run; {result.Runs.Count} par runs of {ids} in {F(sw.Elapsed.TotalSeconds)} s;"
                + $" booting a box {BootMs(incidents)} ms)"
                + (result.Rejections.Count > 0 ? $" ({result.Rejections.Count} rejected: {result.Rejections[0]})" : "");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static void WritePlayer(string folder, ContentCatalog catalog, EventDefinition e, EventSecret secret, List<ScenarioDefinition> incidents, int index, int runs)
    {
        Ticket t = Tickets.Issue(secret, e, $"player-{index:D5}", "team-" + (index % 10).ToString(CultureInfo.InvariantCulture), "open");
        // The runs the player "played" (each replayed once here for its final digest), on every core.
        var played = new SubmittedRun[incidents.Count];
        Parallel.For(0, incidents.Count, i =>
        {
            ScenarioDefinition s = incidents[i];
            SessionLog log = Replayer.ParLog(s, catalog.Digest) with { Seed = t.SeedFor(s.Id)!.Value };
            played[i] = new SubmittedRun(log, Replayer.Run(s, log, receipts: false).Digest, e.Rules.StartUtc.AddMinutes(index % 600), null);
        });
        var all = Enumerable.Range(0, runs).Select(i => played[i % played.Length]).ToList();
        File.WriteAllText(Path.Combine(folder, $"p{index:D5}.json"), SubmissionFile.Write(new Submission(t.Player, t.Team, e.Rules.StartUtc, t, all)));
    }

    /// <summary>How long booting each of the first three incidents' boxes takes (what a judge would pay per run).</summary>
    /// <summary>The campaign's incidents in order: the tutorial is not an event incident.</summary>
    private static IEnumerable<ScenarioDefinition> Campaign(ContentCatalog catalog) =>
        catalog.Scenarios.Where(s => s.Id != IncidentFlow.TutorialId);

    private static string BootTimes(ContentCatalog catalog) => string.Join(", ", Campaign(catalog).Take(3).Select(s =>
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
