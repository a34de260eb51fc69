// The counters-only exit path (kernel/exit.c do_exit, mm/oom_kill.c __oom_reap_task_mm) for
// processes that exist only as mm counters (kernel-spec §8.1): exit zeroes the counters, sets
// MMF_OOM_SKIP and removes the task; the reaper drops the private RSS and swap entries.
// Leaves out: returning real pages to the buddy allocator (the Mm subsystem's exit does that).
using MemQuest.Engine.Mm;

namespace MemQuest.Engine.Oom.Seams;

public sealed class CounterTaskExit(ProcessTable processes) : ITaskExit
{
    /// <summary>do_exit (kernel/exit.c) over counters only.</summary>
    public void DoExit(Process task)
    {
        if (task.Mm is { } mm)
        {
            mm.RssAnonPages = mm.RssFilePages = mm.RssShmemPages = mm.SwapEntsPages = 0;
            mm.PgtablesBytes = 0;
            mm.OomSkip = true;
        }
        task.Exiting = true;
        processes.Remove(task);
    }

    /// <summary>__oom_reap_task_mm (mm/oom_kill.c) over counters only: private anon and file pages go.</summary>
    public void OomReapTaskMm(Process task)
    {
        if (task.Mm is not { } mm) return;
        mm.RssAnonPages = 0;
        mm.RssFilePages = 0;
        mm.SwapEntsPages = 0;
    }
}
