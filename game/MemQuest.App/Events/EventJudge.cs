// Judges a submissions folder: loads and checks the files, prechecks every run (incident, engine,
// content, seed, window, attempt limit), then replays the rest on a bounded number of worker
// threads. Each result goes to its own slot, so the output is the same for any --jobs.
using System.Runtime;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Events;

public static class EventJudge
{
    /// <summary>The most worker threads --jobs may ask for.</summary>
    public const int MaxJobs = 64;

    public static JudgeResult Judge(EventDefinition e, EventSecret secret, ContentCatalog catalog, string folder, int jobs,
        Action<int, int>? progress = null)
    {
        var rejections = new List<Rejection>();
        IReadOnlyList<LoadedSubmission> submissions = SubmissionFolder.Load(folder, e, secret, rejections);
        List<JudgeWork> work = Plan(e, catalog, submissions, rejections);
        var verdicts = new RunVerdict[work.Count];
        int done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(jobs, 1, MaxJobs) };
        // A batch job: background GC only takes CPU from the replays (each run allocates a whole box),
        // and nothing interactive runs meanwhile.
        GCLatencyMode latency = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        try
        {
            Parallel.For(0, work.Count, options, i =>
            {
                JudgeWork w = work[i];
                verdicts[i] = RunJudge.Judge(e, w.Scenario, w.Ticket, w.Run);
                int n = Interlocked.Increment(ref done);
                progress?.Invoke(n, work.Count);
            });
        }
        finally { GCSettings.LatencyMode = latency; }
        var runs = new List<JudgedRun>();
        for (int i = 0; i < work.Count; i++)
        {
            if (verdicts[i].Run is { } r) runs.Add(r);
            else rejections.Add(new Rejection(work[i].File, $"run {work[i].RunNumber} ({work[i].Scenario.Id}): {verdicts[i].Reason}"));
        }
        return new JudgeResult(submissions.Select(s => s.Submission.Ticket).ToList(), runs, rejections);
    }

    private static List<JudgeWork> Plan(EventDefinition e, ContentCatalog catalog, IReadOnlyList<LoadedSubmission> submissions, List<Rejection> rejections)
    {
        var work = new List<JudgeWork>();
        foreach (LoadedSubmission l in submissions)
        {
            Ticket ticket = l.Submission.Ticket;
            var used = new Dictionary<string, int>(StringComparer.Ordinal);
            var runs = l.Submission.Runs.Select((r, i) => (Run: r, Number: i + 1)).OrderBy(x => x.Run.FinishedUtc).ThenBy(x => x.Number);
            foreach (var (run, number) in runs)
            {
                string incident = run.Log.ScenarioId;
                string? reason = RunJudge.Precheck(e, catalog.Digest, ticket, run);
                if (reason is null && catalog.Find(incident) is null) reason = $"incident '{incident}' is not in the judge's content";
                if (reason is null && e.Rules.Attempts > 0 && used.GetValueOrDefault(incident) >= e.Rules.Attempts)
                    reason = $"over the limit of {e.Rules.Attempts} attempt(s) for {incident}";
                if (reason is not null) { rejections.Add(new Rejection(l.File, $"run {number} ({incident}): {reason}")); continue; }
                used[incident] = used.GetValueOrDefault(incident) + 1;
                work.Add(new JudgeWork(l.File, number, catalog.Find(incident)!, ticket, run));
            }
        }
        return work;
    }
}
