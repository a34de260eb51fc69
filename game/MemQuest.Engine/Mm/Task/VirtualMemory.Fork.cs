// Models fork's memory side (kernel/fork.c copy_process → dup_mm → dup_mmap, mm/memory.c
// copy_page_range, copy_present_pte, copy_huge_pmd), kernel-spec §8.2 and §9.1: a new pid, a copy
// of every VMA, an overcommit charge per accountable VMA (each checked like an mmap of its size:
// the "Redis BGSAVE fork fails in mode 2" lesson), and page tables copied only for VMAs that have
// an anon_vma; private pages become shared copy-on-write (write-protected in both, mapcount + 1).
// Invariants: after a failed fork nothing stays charged or allocated.
// Left out: threads, file descriptors, the child's page tables for file-only VMAs (faulted later).
using MemQuest.Engine.Mm.PageTables;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Mm;

public sealed partial class VirtualMemory
{
    /// <summary>fork() by <paramref name="parent"/>: the child, or null with ENOMEM (`fork: Cannot allocate memory`).
    /// As in copy_process, the mm is copied before a pid is allocated, so a failed fork uses no pid.</summary>
    public Process? Fork(Process parent, out Errno error)
    {
        MmStruct old = parent.Mm ?? throw new InvalidOperationException("kernel threads are not forked here");
        var mm = new MmStruct();
        mm.Space.MmapBase = old.Space.MmapBase;
        mm.Space.StartBrk = old.Space.StartBrk;
        mm.Space.Brk = old.Space.Brk;
        mm.Space.StartCode = old.Space.StartCode;
        mm.Space.EndCode = old.Space.EndCode;
        error = DupMmap(parent, old, mm);
        if (error != Errno.Ok)
        {
            ExitMmap(mm);
            return null;
        }
        var child = new Process(Processes.AllocPid(), parent.Comm, parent.Pid, mm)
        {
            Uid = parent.Uid, OomScoreAdj = parent.OomScoreAdj, OomScoreAdjMin = parent.OomScoreAdjMin,
            AnonFamily = parent.AnonFamily, StartTick = _machine.Tick, Cmdline = parent.Cmdline,
            Malloc = parent.Malloc?.Clone(), Tty = parent.Tty,
        };
        Processes.Add(child);
        Rmap.JoinFamily(child);
        return child;
    }

    /// <summary>dup_mmap (kernel/fork.c): VMAs, their charges (each checked against the parent's mm) and page tables.</summary>
    private Errno DupMmap(Process parent, MmStruct old, MmStruct mm)
    {
        foreach (Vma v in old.Space.Vmas)
        {
            if (v.Has(VmFlags.Account) && Commit.VmEnoughMemory(parent, v.Pages) != Errno.Ok) return Errno.ENOMEM;
            Vma copy = v.Clone(v.Start, v.End);
            mm.Space.Insert(copy);
            VmStatAccount(mm, copy.Flags, copy.Pages);
            if (v.Has(VmFlags.AnonVma) && !CopyPageRange(old, mm, v)) return Errno.ENOMEM;
        }
        return Errno.Ok;
    }

    /// <summary>copy_page_range for one VMA: false when a page-table page could not be allocated.</summary>
    private bool CopyPageRange(MmStruct src, MmStruct dst, Vma v)
    {
        foreach (var (slot, t) in src.Space.Tables.TablesIn(v.Start, v.End))
        {
            long slotStart = slot << PageTable.PmdShift;
            PteTable? d = dst.Space.Tables.Ensure(Math.Max(slotStart, v.Start), dst, PgtablePages);
            if (d is null) return false;
            if (t.HugeEntry != 0)
            {
                d.HugeEntry = t.HugeEntry;
                if (t.HugeEntry > 0)
                {
                    t.HugeEntry = d.HugeEntry = t.HugeEntry | PteTable.WriteProtect;
                    Rmap.Dup(PteTable.PfnOf(t.HugeEntry));
                    dst.RssAnonPages += Units.PageblockNrPages;
                }
                continue;
            }
            int from = (int)((Math.Max(v.Start, slotStart) - slotStart) >> Units.PageShift);
            int to = (int)((Math.Min(v.End, slotStart + AddressSpace.PmdSize) - slotStart) >> Units.PageShift);
            for (int i = from; i < to; i++) CopyPte(t, d, i, dst);
        }
        return true;
    }

    /// <summary>copy_present_pte / copy_nonpresent_pte.</summary>
    private void CopyPte(PteTable src, PteTable dst, int i, MmStruct dstMm)
    {
        int e = src.Entries[i];
        if (e == 0) return;
        if (e == PteTable.ZeroPage) { dst.Entries[i] = e; return; }
        if (e == PteTable.SpecialPage) { dst.Entries[i] = e; dstMm.RssFilePages++; return; }
        if (PteTable.IsSwap(e)) { dst.Entries[i] = e; dstMm.SwapEntsPages++; SwapEntryDuplicated?.Invoke(PteTable.SwapSlotOf(e)); return; }
        int pfn = PteTable.PfnOf(e);
        if ((Map.Flags[pfn] & MemQuest.Engine.PageAlloc.PageFlags.Anon) == 0)
        {
            dst.Entries[i] = PteTable.Present(Library.Map(pfn), false);
            dstMm.RssFilePages++;
            return;
        }
        src.Entries[i] = dst.Entries[i] = e | PteTable.WriteProtect;
        Rmap.Dup(pfn);
        dstMm.RssAnonPages++;
    }

    /// <summary>Called when fork copies a swap entry (swap_duplicate); the swap subsystem hooks it.</summary>
    public Action<int>? SwapEntryDuplicated { get; set; }
}
