// Models the vm_flags bits of struct vm_area_struct (include/linux/mm.h) that accounting, faults
// and /proc/PID/maps read, kernel-spec §8.1, §9.1, §16.
namespace MemQuest.Engine.Mm;

[Flags]
public enum VmFlags
{
    None = 0,
    Read = 1 << 0,
    Write = 1 << 1,
    Exec = 1 << 2,
    Shared = 1 << 3,
    /// <summary>VM_GROWSDOWN: the stack.</summary>
    Stack = 1 << 4,
    /// <summary>VM_ACCOUNT: charged to Committed_AS (kernel-spec §9.1).</summary>
    Account = 1 << 5,
    /// <summary>VM_NORESERVE: MAP_NORESERVE honoured (overcommit mode 0 or 1).</summary>
    NoReserve = 1 << 6,
    /// <summary>VM_HUGEPAGE: madvise(MADV_HUGEPAGE).</summary>
    HugePage = 1 << 7,
    /// <summary>VM_NOHUGEPAGE: madvise(MADV_NOHUGEPAGE).</summary>
    NoHugePage = 1 << 8,
    /// <summary>The VMA has an anon_vma (some page in it was written privately): fork copies its page tables.</summary>
    AnonVma = 1 << 9,
    /// <summary>A kernel special mapping ([vvar], [vdso]): never copied by fork.</summary>
    Special = 1 << 10,
}
