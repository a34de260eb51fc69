// Models __alloc_pages_may_oom (mm/page_alloc.c), kernel-spec §3.5 step 5, as the last stage of
// the allocator's slow path: kswapd, compaction and direct reclaim go to the inner slow path
// (Reclaim's), and out_of_memory to the OOM killer, with the allocating task as "current".
// Progress (retry) means a victim was killed; an allocating task that became the victim gets no
// retry (the kernel's "tsk_is_oom_victim(current) → nopage"): its fault fails and it dies.
// Sim choice: an aborted walk, an exiting current or a GFP_NOFS global OOM return no progress (the
//   kernel would sleep and retry until another task frees memory; a single-threaded box cannot).
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom.Control;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Oom.Seams;

public sealed class OomSlowPath(IAllocSlowPath inner, OomKiller oom, Func<Process?> current) : IAllocSlowPath
{
    public IAllocSlowPath Inner { get; } = inner;

    public void WakeKswapd(int order, ZoneType highestZone) => Inner.WakeKswapd(order, highestZone);

    public long DirectCompact(int order, GfpFlags gfp) => Inner.DirectCompact(order, gfp);

    public long DirectReclaim(int order, GfpFlags gfp, ZoneType highestZone) => Inner.DirectReclaim(order, gfp, highestZone);

    /// <summary>__alloc_pages_may_oom → out_of_memory (mm/page_alloc.c, mm/oom_kill.c), kernel-spec §3.5, §14.3.</summary>
    public bool OutOfMemory(int order, GfpFlags gfp)
    {
        Process? task = current();
        OomDecision d = oom.OutOfMemory(new OomRequest(order, gfp, OomConstraint.None) { Current = task });
        if (task is not null && oom.Reaper.IsOomVictim(task)) return false;
        return d.Outcome is OomOutcome.Killed or OomOutcome.AllocatingTaskKilled or OomOutcome.VictimAlreadyExiting;
    }
}
