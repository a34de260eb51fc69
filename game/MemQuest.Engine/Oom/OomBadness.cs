// Models oom_unkillable_task and oom_badness (mm/oom_kill.c), kernel-spec §14.2: the heuristic
// that scores a task for the OOM killer. Pure functions of a Process and totalpages.
// Invariants: points = rss + swapents + pgtables_bytes / PAGE_SIZE + adj * (totalpages / 1000),
//   with the division done before the multiplication and no clamping (the result may be
//   negative); ineligible tasks get LONG_MIN.
// Not modelled: in_vfork (no vfork in the sim), the pre-4.17 root discount, oom_task_origin.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom.Control;

namespace MemQuest.Engine.Oom;

public static class OomBadness
{
    /// <summary>OOM_SCORE_ADJ_MIN (include/uapi/linux/oom.h): never kill.</summary>
    public const short OomScoreAdjMin = -1000;
    /// <summary>OOM_SCORE_ADJ_MAX: always kill first.</summary>
    public const short OomScoreAdjMax = 1000;
    /// <summary>LONG_MIN: oom_badness's "not a candidate".</summary>
    public const long NotEligible = long.MinValue;

    /// <summary>oom_unkillable_task (mm/oom_kill.c), kernel-spec §14.2: init and kernel threads are never killed.</summary>
    public static bool OomUnkillableTask(Process p) => p.Pid == 1 || p.IsKernelThread;

    /// <summary>oom_badness (mm/oom_kill.c), kernel-spec §14.2: the points of <paramref name="p"/>, or
    /// LONG_MIN when it is not a candidate.</summary>
    public static long Badness(Process p, long totalPages) => Explain(p, totalPages).Points;

    /// <summary>oom_badness (mm/oom_kill.c), kernel-spec §14.2, with each term of the sum kept for the receipt.</summary>
    public static BadnessLine Explain(Process p, long totalPages)
    {
        MmStruct? mm = p.Mm;
        OomEligibility why = Eligibility(p);
        long rss = mm?.RssPages ?? 0;
        long swap = mm?.SwapEntsPages ?? 0;
        long pgtables = (mm?.PgtablesBytes ?? 0) / Units.PageSize;
        if (why != OomEligibility.Eligible)
            return new BadnessLine(p.Pid, p.Comm, p.Uid, rss, swap, pgtables, p.OomScoreAdj, 0, NotEligible, why);
        long adj = p.OomScoreAdj;
        adj *= totalPages / 1000;                      // "Normalize to oom_score_adj units"
        long points = rss + swap + pgtables + adj;
        return new BadnessLine(p.Pid, p.Comm, p.Uid, rss, swap, pgtables, p.OomScoreAdj, adj, points, why);
    }

    /// <summary>The early returns of oom_badness (mm/oom_kill.c), kernel-spec §14.2, in the kernel's order.</summary>
    public static OomEligibility Eligibility(Process p)
    {
        if (OomUnkillableTask(p)) return OomEligibility.Unkillable;
        if (p.Mm is null) return OomEligibility.NoMm;
        if (p.OomScoreAdj == OomScoreAdjMin) return OomEligibility.AdjMin;
        if (p.Mm.OomSkip) return OomEligibility.OomSkip;
        return OomEligibility.Eligible;
    }
}
