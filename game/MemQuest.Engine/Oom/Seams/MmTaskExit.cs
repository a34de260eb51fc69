// The OOM killer's exit path on real address spaces (kernel/exit.c do_exit → exit_mmap;
// mm/oom_kill.c __oom_reap_task_mm), kernel-spec §14.4: exit frees every page and page table and
// sets MMF_OOM_SKIP; the reaper unmaps the private (anonymous and private file) VMAs of a victim
// that has not exited, leaving shared mappings, special mappings and page tables.
using MemQuest.Engine.Mm;

namespace MemQuest.Engine.Oom.Seams;

public sealed class MmTaskExit(VirtualMemory vm) : ITaskExit
{
    /// <summary>do_exit (kernel/exit.c) → exit_mmap (mm/mmap.c), which sets MMF_OOM_SKIP.</summary>
    public void DoExit(Process task)
    {
        MmStruct? mm = task.Mm;
        vm.Exit(task);
        if (mm is not null) mm.OomSkip = true;
    }

    /// <summary>__oom_reap_task_mm (mm/oom_kill.c): unmap_page_range over every private VMA.</summary>
    public void OomReapTaskMm(Process task)
    {
        if (task.Mm is not { } mm) return;
        foreach (Vma v in mm.Space.Vmas.ToList())
            if (!v.Has(VmFlags.Special) && (v.IsAnonymous || !v.Has(VmFlags.Shared)))
                vm.ZapRange(mm, v.Start, v.End);
    }
}
