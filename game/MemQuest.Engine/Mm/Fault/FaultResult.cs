// What one page fault did (the VM_FAULT_* outcome of handle_mm_fault, mm/memory.c), kernel-spec §8.2.
namespace MemQuest.Engine.Mm.Fault;

public enum FaultResult
{
    /// <summary>The page was already mapped with the needed access: no fault was taken.</summary>
    NoFault,
    /// <summary>A minor fault mapped or allocated the page.</summary>
    Minor,
    /// <summary>SIGSEGV, SEGV_MAPERR: no VMA at the address.</summary>
    SegvMapErr,
    /// <summary>SIGSEGV, SEGV_ACCERR: the VMA does not allow this access.</summary>
    SegvAccErr,
    /// <summary>VM_FAULT_OOM: a page or page-table allocation failed (no OOM killer in this build).</summary>
    Oom,
    /// <summary>The PTE holds a swap entry and no swap area can serve it (its area is gone).</summary>
    SwapEntry,
    /// <summary>VM_FAULT_MAJOR: the page had to be read from swap (do_swap_page).</summary>
    Major,
}
