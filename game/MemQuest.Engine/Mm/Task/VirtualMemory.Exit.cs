// Models do_exit's memory side (kernel/exit.c exit_mm → mmput → exit_mmap, mm/mmap.c), kernel-spec
// §8.2: every page is unmapped (anon pages whose last mapper this was go back to the buddy
// allocator and leave the LRU), every page-table page is freed, the overcommit charges are
// returned and the task leaves the task list. The OOM killer kills through this (SIGKILL).
// Invariants: after Exit nothing allocated on the process's behalf remains (tests check MemFree).
namespace MemQuest.Engine.Mm;

public sealed partial class VirtualMemory
{
    /// <summary>do_exit + exit_mmap: the process ends and its memory is freed.</summary>
    public void Exit(Process p)
    {
        p.Exiting = true;
        if (p.Mm is { } mm) ExitMmap(mm);
        Rmap.LeaveFamily(p);
        Processes.Remove(p);
    }

    /// <summary>exit_mmap (mm/mmap.c): unmap and free everything in the mm; the counters end at zero.</summary>
    public void ExitMmap(MmStruct mm)
    {
        mm.UpdateHiwaterRss();
        mm.UpdateHiwaterVm();
        foreach (Vma v in mm.Space.Detach(0, long.MaxValue)) RemoveVma(mm, v);
        mm.Space.Tables.FreeAll(mm, PgtablePages);
    }
}
