// Models select_bad_process and oom_evaluate_task (mm/oom_kill.c), kernel-spec §14.3: walk the
// tasks in task-list order (or the memory cgroup's tasks), skip the unkillable, abort while an
// earlier victim still holds its memory, and keep the task with the most points.
// Invariants: pure (no state changes); ties go to the later task (strict less-than skips);
//   chosen_points starts at LONG_MIN; the receipt lists every user task walked, in walk order.
// Not modelled: oom_task_origin (swapoff/KSM) tasks, sysrq-triggered OOMs, cpuset eligibility.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom.Control;

namespace MemQuest.Engine.Oom;

public static class OomSelection
{
    /// <summary>select_bad_process + oom_evaluate_task (mm/oom_kill.c), kernel-spec §14.3.</summary>
    public static OomDecision SelectBadProcess(OomRequest req, long totalPages, IReadOnlyList<Process> walk,
        Func<Process, bool> isOomVictim, long tick)
    {
        var lines = new List<BadnessLine>();
        Process? chosen = null;
        long chosenPoints = OomBadness.NotEligible;
        foreach (Process p in walk)
        {
            if (p.IsKernelThread) continue;
            BadnessLine line = OomBadness.Explain(p, totalPages);
            if (line.Eligibility != OomEligibility.Unkillable && isOomVictim(p))
            {
                bool reaped = p.Mm is null || p.Mm.OomSkip;
                lines.Add(line with { Eligibility = reaped ? OomEligibility.OomSkip : OomEligibility.VictimPending, AdjPoints = 0, Points = OomBadness.NotEligible });
                if (reaped) continue;
                return new OomDecision(tick, req, totalPages, lines, null, OomBadness.NotEligible, OomOutcome.AbortedVictimPending,
                    $"{p.Comm} ({p.Pid}) is an earlier OOM victim whose memory is not freed yet: the walk aborts and nobody else is killed");
            }
            lines.Add(line);
            if (line.Points == OomBadness.NotEligible || line.Points < chosenPoints) continue;
            chosen = p;
            chosenPoints = line.Points;
        }
        if (chosen is null)
            return new OomDecision(tick, req, totalPages, lines, null, OomBadness.NotEligible, OomOutcome.NoKillableProcess,
                "no task is killable: every one is init, a kernel thread, at oom_score_adj -1000 or already reaped");
        return new OomDecision(tick, req, totalPages, lines, chosen, chosenPoints, OomOutcome.Killed, WhyChosen(chosen, lines, totalPages));
    }

    /// <summary>The receipt's sentence: the winner's sum, the tie rule if it applied, and the runner-up.</summary>
    public static string WhyChosen(Process chosen, IReadOnlyList<BadnessLine> lines, long totalPages)
    {
        BadnessLine won = lines.Last(l => l.Pid == chosen.Pid);
        var text = new System.Text.StringBuilder(
            $"{chosen.Comm} ({chosen.Pid}) has the most points: {won.Explain()} pages (one oom_score_adj point = totalpages {totalPages} / 1000 = {totalPages / 1000} pages)");
        var others = lines.Where(l => l.Pid != chosen.Pid && l.Eligibility == OomEligibility.Eligible).ToList();
        BadnessLine? tied = others.LastOrDefault(l => l.Points == won.Points);
        if (tied is not null)
            text.Append($"; it tied with {tied.Comm} ({tied.Pid}), and ties go to the later task in the task list");
        BadnessLine? next = others.Where(l => l.Points < won.Points).OrderByDescending(l => l.Points).FirstOrDefault();
        if (next is not null)
            text.Append($"; next: {next.Comm} ({next.Pid}) with {next.Points}");
        return text.ToString();
    }
}
