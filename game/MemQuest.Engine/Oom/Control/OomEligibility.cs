// Why oom_badness / oom_evaluate_task (mm/oom_kill.c), kernel-spec §14.2-§14.3, did or did not
// consider a task: the receipt's answer to "why was this process not picked".
namespace MemQuest.Engine.Oom.Control;

public enum OomEligibility
{
    /// <summary>A candidate: its points were compared.</summary>
    Eligible,
    /// <summary>oom_unkillable_task: init (pid 1) or a kernel thread.</summary>
    Unkillable,
    /// <summary>find_lock_task_mm found no mm: the task already went through exit_mm.</summary>
    NoMm,
    /// <summary>oom_score_adj is OOM_SCORE_ADJ_MIN (-1000).</summary>
    AdjMin,
    /// <summary>MMF_OOM_SKIP: the mm was already reaped or torn down.</summary>
    OomSkip,
    /// <summary>An earlier OOM victim whose memory is not yet freed: the walk aborts.</summary>
    VictimPending,
}
