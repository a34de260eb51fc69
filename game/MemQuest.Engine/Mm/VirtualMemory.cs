// The process address-space subsystem (machine.Mm), kernel-spec §8-§10, §16: mmap/munmap/brk/
// madvise (mm/mmap.c, mm/vma.c, mm/madvise.c), page faults (Fault/), page-table pages, the anon
// reverse map, overcommit (Mmap/Overcommit), fork and exit (Task/), the exec image of a minimal C
// program (Exec/) and the cached library pages. Other subsystems call Rmap.Lookup and
// TryUnmapAnonPage (swap-out) and Exit (OOM kill/reap).
// Invariants: node NR_ANON_MAPPED / NR_PAGETABLE / NR_ANON_THPS equal the sums over live mms.
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Mm.Fault;
using MemQuest.Engine.Mm.Mmap;
using MemQuest.Engine.Mm.PageTables;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Mm;

public sealed partial class VirtualMemory
{
    private readonly Machine _machine;

    public VirtualMemory(Machine machine)
    {
        _machine = machine;
        PgtablePages = new PageTablePages(machine.PageAlloc);
        Rmap = new AnonRmap(machine.Node.Map);
        Library = new LibraryFilePages(machine);
        Commit = new Overcommit(machine);
        Faults = new FaultHandler(this);
        DeferredSplit = new DeferredSplitQueue(machine.PageAlloc, () => machine.VmEvents);
        if (machine.Processes.LastPid == 0) machine.Processes.SetLastPid(BootLastPid);
    }

    /// <summary>Where pid allocation continues on a freshly booted box: init, the kernel threads, the
    /// services and the login shell have used the pids below (a 2-CPU VM logs in around pid 1000).</summary>
    public const int BootLastPid = 1000;

    public PageAllocator PageAlloc => _machine.PageAlloc;
    public PgData Node => _machine.Node;
    public MemMap Map => _machine.Node.Map;
    public Lruvec Lru => _machine.Lru;
    public ProcessTable Processes => _machine.Processes;
    public PageTablePages PgtablePages { get; }
    public AnonRmap Rmap { get; }
    public LibraryFilePages Library { get; }
    public Overcommit Commit { get; }
    public FaultHandler Faults { get; }
    /// <summary>Partly unmapped THPs waiting for the "thp-deferred_split" shrinker (registered with reclaim at boot).</summary>
    public DeferredSplitQueue DeferredSplit { get; }
    public string ThpEnabled => _machine.ThpEnabled;
    public int Cpus => _machine.Cpus;
    /// <summary>/sys/kernel/mm/transparent_hugepage/defrag.</summary>
    public string ThpDefrag { get; private set; } = "madvise";
    public long OvercommitMode => _machine.Sysctls.Get(SysctlCatalog.OvercommitMemory);
    /// <summary>"current" while a fault is served: the OOM report's allocating task (Machine.CurrentTask).</summary>
    public Process? CurrentTask { get => _machine.CurrentTask; set => _machine.CurrentTask = value; }

    public Errno SetThpDefrag(string mode)
    {
        if (Array.IndexOf(ThpSettings.DefragModes, mode) < 0) return Errno.EINVAL;
        ThpDefrag = mode;
        return Errno.Ok;
    }

    /// <summary>do_mmap (mm/mmap.c) of a private anonymous mapping, kernel-spec §8.2, §9.1: reserves address
    /// space and charges Committed_AS when accountable; returns the address or -errno.</summary>
    public long MmapAnon(Process p, long lengthBytes, bool writable, bool noReserve, long fixedAddr = -1) =>
        MmapAnon(p, lengthBytes, VmFlags.Read | (writable ? VmFlags.Write : 0), noReserve, fixedAddr);

    /// <summary>do_mmap with an explicit protection (Read/Write/Exec bits; None is PROT_NONE).</summary>
    public long MmapAnon(Process p, long lengthBytes, VmFlags prot, bool noReserve, long fixedAddr = -1)
    {
        bool writable = (prot & VmFlags.Write) != 0;
        MmStruct mm = p.Mm!;
        if (lengthBytes <= 0) return -(long)Errno.EINVAL;
        long len = Units.PageAlign(lengthBytes), pages = len >> Units.PageShift;
        long addr = fixedAddr >= 0 ? fixedAddr : mm.Space.GetUnmappedArea(len, thpEnabled: true);
        if (addr < 0 || (fixedAddr >= 0 && mm.Space.AnyVmaIn(addr, addr + len))) return -(long)Errno.ENOMEM;
        VmFlags flags = prot & (VmFlags.Read | VmFlags.Write | VmFlags.Exec);
        if (noReserve && OvercommitMode != 2) flags |= VmFlags.NoReserve;
        if (writable && (flags & VmFlags.NoReserve) == 0)
        {
            if (Commit.VmEnoughMemory(p, pages) != Errno.Ok) return -(long)Errno.ENOMEM;
            flags |= VmFlags.Account;
        }
        mm.Space.InsertMerging(new Vma(addr, addr + len, flags));
        VmStatAccount(mm, flags, pages);
        return addr;
    }

    /// <summary>vm_stat_account (mm/mmap.c): total_vm, data_vm, stack_vm, exec_vm.</summary>
    public static void VmStatAccount(MmStruct mm, VmFlags flags, long pages)
    {
        mm.TotalVmPages += pages;
        if ((flags & (VmFlags.Exec | VmFlags.Write)) == VmFlags.Exec) mm.ExecVmPages += pages;
        else if ((flags & VmFlags.Stack) != 0) mm.StackVmPages += pages;
        else if ((flags & (VmFlags.Write | VmFlags.Shared)) == VmFlags.Write) mm.DataVmPages += pages;
    }

    /// <summary>madvise(MADV_HUGEPAGE / MADV_NOHUGEPAGE) (mm/madvise.c, hugepage_madvise): the VMAs in
    /// [addr, addr+len) are split at the edges (madvise_update_vma) and get the flag.</summary>
    public void Madvise(Process p, long addr, long len, bool hugepage)
    {
        AddressSpace s = p.Mm!.Space;
        foreach (Vma v in s.Detach(addr, addr + Units.PageAlign(len)))
        {
            v.Flags = (v.Flags & ~(VmFlags.HugePage | VmFlags.NoHugePage)) | (hugepage ? VmFlags.HugePage : VmFlags.NoHugePage);
            s.Insert(v);
        }
    }

    /// <summary>do_vmi_munmap (mm/vma.c), kernel-spec §8.2: zap the pages, free page tables no VMA needs,
    /// give back the charge.</summary>
    public Errno Munmap(Process p, long addr, long lengthBytes)
    {
        MmStruct mm = p.Mm!;
        if ((addr & (Units.PageSize - 1)) != 0 || lengthBytes <= 0) return Errno.EINVAL;
        long end = addr + Units.PageAlign(lengthBytes);
        mm.UpdateHiwaterRss();
        mm.UpdateHiwaterVm();
        foreach (Vma v in mm.Space.Detach(addr, end)) RemoveVma(mm, v);
        mm.Space.Tables.FreeUnused(addr, end, mm.Space.AnyVmaIn, mm, PgtablePages);
        return Errno.Ok;
    }

    private void RemoveVma(MmStruct mm, Vma v)
    {
        ZapRange(mm, v.Start, v.End);
        VmStatAccount(mm, v.Flags, -v.Pages);
        if (v.Has(VmFlags.Account)) Commit.Unaccount(v.Pages);
    }

    /// <summary>zap_pte_range / zap_huge_pmd (mm/memory.c): drop every page mapped in [start, end).</summary>
    public void ZapRange(MmStruct mm, long start, long end)
    {
        foreach (var (slot, t) in mm.Space.Tables.TablesIn(start, end))
        {
            long slotStart = slot << PageTable.PmdShift;
            if (t.HugeEntry != 0)
            {
                if (start <= slotStart && end >= slotStart + AddressSpace.PmdSize)
                {
                    if (t.HugeEntry > 0) DropHuge(mm, t.HugeEntry);
                    t.HugeEntry = 0;
                    continue;
                }
                SplitHugePmd(t);                 // part of a huge mapping goes: __split_huge_pmd, then zap the PTEs
            }
            int from = (int)((Math.Max(start, slotStart) - slotStart) >> Units.PageShift);
            int to = (int)((Math.Min(end, slotStart + AddressSpace.PmdSize) - slotStart) >> Units.PageShift);
            for (int i = from; i < to; i++)
            {
                int e = t.Entries[i];
                if (e == 0) continue;
                t.Entries[i] = 0;
                if (e > 0) DropPte(mm, e);
                else if (e == PteTable.SpecialPage) mm.RssFilePages--;
                else if (PteTable.IsSwap(e)) { mm.SwapEntsPages--; SwapEntryFreed?.Invoke(PteTable.SwapSlotOf(e)); }
            }
        }
    }

    /// <summary>Called when a PTE holding a swap entry is zapped (swap_free); the swap subsystem hooks it.</summary>
    public Action<int>? SwapEntryFreed { get; set; }

    /// <summary>One PTE stops naming a 4 KiB page: RSS, rmap and, for the last mapper, the page itself.</summary>
    public void DropPte(MmStruct mm, int entry)
    {
        int pfn = PteTable.PfnOf(entry);
        if ((Map.Flags[pfn] & PageFlags.Anon) == 0)
        {
            mm.RssFilePages--;
            Library.Unmap(pfn);
            return;
        }
        mm.RssAnonPages--;
        if (Rmap.Remove(pfn)) FreeAnon(pfn, 0);
    }

    /// <summary>A huge PMD stops naming a THP (zap_huge_pmd).</summary>
    public void DropHuge(MmStruct mm, int entry)
    {
        int pfn = PteTable.PfnOf(entry);
        mm.RssAnonPages -= Units.PageblockNrPages;
        if (Rmap.Remove(pfn)) FreeAnon(pfn, Units.PageblockOrder);
    }

    private void FreeAnon(int pfn, int order)
    {
        if ((Map.Flags[pfn] & PageFlags.Lru) != 0)
            Lru.Del(pfn, (Map.Flags[pfn] & PageFlags.Active) != 0 ? LruList.ActiveAnon : LruList.InactiveAnon);
        Map.Flags[pfn] &= ~PageFlags.Anon;
        Node.AddStat(NodeStatItem.NrAnonPages, -(1L << order));
        if (order > 0) Node.AddStat(NodeStatItem.NrAnonTransparentHugepages, -(1L << order));
        if (order == 0 && DeferredSplit.Park(pfn)) return;   // a subpage of a partly unmapped THP: freed at the split
        PageAlloc.FreePages(pfn, order);
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(ThpDefrag);
        Commit.AddToDigest(w);
        Rmap.AddToDigest(w);
        Library.AddToDigest(w);
        DeferredSplit.AddToDigest(w);
        w.Add(Faults.ThpFaultAlloc); w.Add(Faults.ThpFaultFallback);
    }
}
