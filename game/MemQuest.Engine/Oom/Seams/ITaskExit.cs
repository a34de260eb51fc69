// The seam between the OOM killer and the Mm subsystem's exit path (kernel/exit.c do_exit →
// exit_mm → exit_mmap; mm/oom_kill.c __oom_reap_task_mm), kernel-spec §14.4. The OOM killer
// decides who dies; the owner of the address space frees the pages. CounterTaskExit is the
// counters-only version for boxes whose processes have no real pages (tests, content stubs).
using MemQuest.Engine.Mm;

namespace MemQuest.Engine.Oom.Seams;

public interface ITaskExit
{
    /// <summary>do_exit (kernel/exit.c) of a task with SIGKILL pending: exit_mmap frees every page
    /// and page table and sets MMF_OOM_SKIP; the task leaves the task list (children go to init).</summary>
    void DoExit(Process task);

    /// <summary>__oom_reap_task_mm (mm/oom_kill.c): unmap the private (anonymous and private file)
    /// memory of a victim that has not exited yet; shared mappings and page tables stay.</summary>
    void OomReapTaskMm(Process task);
}
