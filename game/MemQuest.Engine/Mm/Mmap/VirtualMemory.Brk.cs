// Models the brk system call (mm/mmap.c SYSCALL_DEFINE1(brk), do_brk_flags), kernel-spec §9.1, §10:
// growing the [heap] VMA charges Committed_AS (checked like an mmap); shrinking zaps the pages,
// frees unneeded page tables and returns the charge.
// Left out: RLIMIT_DATA, brk randomisation (start_brk is placed by the exec model).
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Mm;

public sealed partial class VirtualMemory
{
    public const string HeapName = "[heap]";

    /// <summary>brk(newBrk): Ok, or ENOMEM when the heap cannot grow (collision or overcommit).</summary>
    public Errno Brk(Process p, long newBrk)
    {
        MmStruct mm = p.Mm!;
        AddressSpace s = mm.Space;
        if (newBrk < s.StartBrk) return Errno.ENOMEM;
        long oldEnd = Units.PageAlign(s.Brk), newEnd = Units.PageAlign(newBrk);
        Vma? heap = s.Vmas.FirstOrDefault(v => v.Name == HeapName);
        if (newEnd > oldEnd)
        {
            long pages = (newEnd - oldEnd) >> Units.PageShift;
            if (s.AnyVmaIn(oldEnd, newEnd) && !(heap is not null && heap.End >= newEnd)) return Errno.ENOMEM;
            if (Commit.VmEnoughMemory(p, pages) != Errno.Ok) return Errno.ENOMEM;
            const VmFlags flags = VmFlags.Read | VmFlags.Write | VmFlags.Account;
            if (heap is null) s.Insert(new Vma(oldEnd, newEnd, flags, HeapName));
            else heap.End = newEnd;
            VmStatAccount(mm, flags, pages);
        }
        else if (newEnd < oldEnd)
        {
            mm.UpdateHiwaterRss();
            mm.UpdateHiwaterVm();
            ZapRange(mm, newEnd, oldEnd);
            long pages = (oldEnd - newEnd) >> Units.PageShift;
            heap!.End = newEnd;
            if (heap.End == heap.Start) s.Remove(heap);
            VmStatAccount(mm, heap.Flags, -pages);
            Commit.Unaccount(pages);
            s.Tables.FreeUnused(newEnd, oldEnd, s.AnyVmaIn, mm, PgtablePages);
        }
        s.Brk = newBrk;
        return Errno.Ok;
    }
}
