// Models handle_mm_fault for private mappings (mm/memory.c do_anonymous_page, do_wp_page,
// do_read_fault/do_cow_fault; mm/huge_memory.c do_huge_pmd_anonymous_page, do_huge_zero_wp_pmd),
// kernel-spec §8.2 and §16: missing page-table levels first, then a read maps the (huge) zero page,
// a write allocates a zeroed page (GFP_HIGHUSER_MOVABLE) or a 2 MiB THP, a write after read or
// after fork copies (COW), and file pages come from the page cache.
// Invariants: every present anon PTE names a page with PageFlags.Anon and a live rmap slot;
//   RSS counters change exactly when a PTE starts or stops naming a page.
// Left out: fault-around (library pages are mapped by the exec model), swap-in, userfaultfd, mTHP.
using MemQuest.Engine.Mm.PageTables;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;

namespace MemQuest.Engine.Mm.Fault;

public sealed class FaultHandler(VirtualMemory vm)
{
    private const int PtesMask = PteTable.EntriesPerTable - 1;

    public long ThpFaultAlloc { get; private set; }
    public long ThpFaultFallback { get; private set; }

    /// <summary>handle_mm_fault (mm/memory.c), kernel-spec §8.2: one access by <paramref name="p"/> at addr.</summary>
    public FaultResult Handle(Process p, long addr, bool write)
    {
        Process? outer = vm.CurrentTask;
        vm.CurrentTask = p;                       // "current" for the allocator's slow path and the OOM killer
        try { return HandleMmFault(p, addr, write); }
        finally { vm.CurrentTask = outer; }
    }

    private FaultResult HandleMmFault(Process p, long addr, bool write)
    {
        MmStruct mm = p.Mm ?? throw new InvalidOperationException("kernel threads have no user address space");
        Vma? vma = mm.Space.Find(addr);
        if (vma is null) return FaultResult.SegvMapErr;
        if (write ? !vma.Has(VmFlags.Write) : !vma.Has(VmFlags.Read)) return FaultResult.SegvAccErr;
        PteTable? t = mm.Space.Tables.Find(addr);
        if (t is null && HugeSuitable(vma, addr))
        {
            FaultResult r = HugeAnonymousFault(p, vma, addr, write);
            if (r != FaultResult.NoFault) return Count(p, r);
        }
        t ??= mm.Space.Tables.Ensure(addr, mm, vm.PgtablePages);
        if (t is null) return FaultResult.Oom;
        if (t.HugeEntry != 0) return Count(p, HugeMapped(p, vma, t, addr, write));
        return Count(p, PteFault(p, vma, t, addr, write));
    }

    private FaultResult Count(Process p, FaultResult r)
    {
        if (r == FaultResult.Minor) p.MinFlt++;
        if (r is FaultResult.Minor or FaultResult.Major) vm.CountVmEvent(Vmstat.VmEventItem.Pgfault);
        return r;
    }

    private bool HugeSuitable(Vma vma, long addr)
    {
        long start = addr & ~(AddressSpace.PmdSize - 1);
        return ThpSettings.Allowed(vm.ThpEnabled, vma) && start >= vma.Start && start + AddressSpace.PmdSize <= vma.End;
    }

    /// <summary>do_anonymous_page / do_wp_page / do_cow_fault on one PTE.</summary>
    private FaultResult PteFault(Process p, Vma vma, PteTable t, long addr, bool write)
    {
        int i = (int)(addr >> Units.PageShift) & PtesMask;
        int e = t.Entries[i];
        if (PteTable.IsSwap(e)) return vm.DoSwapPage(p, t, i, e, addr, write);
        if (e == 0 && !write)
        {
            if (vma.File is not null) return MapFilePage(p.Mm!, vma, t, i, addr);
            t.Entries[i] = PteTable.ZeroPage;
            return FaultResult.Minor;
        }
        if (!write || e == PteTable.SpecialPage) return FaultResult.NoFault;
        if (e == 0 && vma.File is not null && vm.Library.Find(vma.File, FileIndex(vma, addr), majorFault: true) < 0)
            return FaultResult.Oom;                       // do_cow_fault: __do_fault reads the file page it copies
        if (e > 0)
        {
            int pfn = PteTable.PfnOf(e);
            bool anon = (vm.Map.Flags[pfn] & PageFlags.Anon) != 0;
            if (anon && !PteTable.IsWriteProtected(e)) return FaultResult.NoFault;
            if (anon && vm.Rmap.MapCount(pfn) == 1)
            {
                t.Entries[i] = PteTable.Present(pfn, false);   // wp_page_reuse: the last mapper keeps it
                return FaultResult.Minor;
            }
        }
        int newPfn = AllocAnonPage(p, addr, 0, GfpFlags.GfpHighuserMovable);
        if (newPfn < 0) return FaultResult.Oom;
        vma.Flags |= VmFlags.AnonVma;
        if (e > 0) vm.DropPte(p.Mm!, e);
        t.Entries[i] = PteTable.Present(newPfn, false);
        p.Mm!.RssAnonPages++;
        return FaultResult.Minor;
    }

    private FaultResult MapFilePage(MmStruct mm, Vma vma, PteTable t, int i, long addr)
    {
        int pfn = vm.Library.Map(vma.File!, FileIndex(vma, addr));
        if (pfn < 0) return FaultResult.Oom;
        t.Entries[i] = PteTable.Present(pfn, false);
        mm.RssFilePages++;
        return FaultResult.Minor;
    }

    /// <summary>linear_page_index: the file page an address of a file VMA maps.</summary>
    private static long FileIndex(Vma vma, long addr) => (vma.FileOffsetBytes + addr - vma.Start) >> Units.PageShift;

    /// <summary>alloc_anon_folio + folio_add_new_anon_rmap + folio_add_lru_vma: a new anon page (or THP) on the inactive anon LRU.</summary>
    private int AllocAnonPage(Process p, long addr, int order, GfpFlags gfp)
    {
        long pfn = vm.PageAlloc.AllocPages(order, gfp);
        if (pfn < 0) return -1;
        int ipfn = (int)pfn;
        vm.Map.Flags[ipfn] |= PageFlags.Anon;
        vm.Rmap.AddNew(ipfn, p, addr & ~((Units.PageSize << order) - 1));
        vm.Lru.Add(ipfn, LruList.InactiveAnon);
        vm.Node.AddStat(NodeStatItem.NrAnonPages, 1L << order);
        if (order > 0) vm.Node.AddStat(NodeStatItem.NrAnonTransparentHugepages, 1L << order);
        return ipfn;
    }

    /// <summary>do_huge_pmd_anonymous_page (mm/huge_memory.c), kernel-spec §16: a read maps the huge zero page,
    /// a write a new THP; both deposit a PTE page (counted in VmPTE). NoFault here means "fall back to PTEs".</summary>
    private FaultResult HugeAnonymousFault(Process p, Vma vma, long addr, bool write)
    {
        MmStruct mm = p.Mm!;
        if (!mm.Space.Tables.EnsureUpper(addr, mm, vm.PgtablePages)) return FaultResult.Oom;
        vma.Flags |= VmFlags.AnonVma;
        int head = -1;
        if (write)
        {
            head = AllocAnonPage(p, addr, Units.PageblockOrder, ThpSettings.GfpMask(vm.ThpDefrag, vma.Has(VmFlags.HugePage)));
            if (head < 0) { ThpFaultFallback++; return FaultResult.NoFault; }
        }
        PteTable? deposit = mm.Space.Tables.Ensure(addr, mm, vm.PgtablePages);
        if (deposit is null)
        {
            if (head >= 0) { mm.RssAnonPages += Units.PageblockNrPages; vm.DropHuge(mm, PteTable.Present(head, false)); }
            return FaultResult.Oom;
        }
        if (!write) { deposit.HugeEntry = PteTable.ZeroPage; return FaultResult.Minor; }
        deposit.HugeEntry = PteTable.Present(head, false);
        mm.RssAnonPages += Units.PageblockNrPages;
        ThpFaultAlloc++;
        return FaultResult.Minor;
    }

    /// <summary>A fault under a huge PMD (do_huge_pmd_wp_page): nothing on a read or an exclusive THP; the last
    /// mapper of a write-protected THP reuses it; a THP shared after fork is split and only the 4 KiB page
    /// written is copied (the fallback since Linux 5.8; verified on 6.18: thp_split_pmd +1, no new THP,
    /// RSS unchanged); the huge zero page gets a new THP (do_huge_zero_wp_pmd) or, when none can be
    /// allocated, is split into zero-page PTEs.</summary>
    private FaultResult HugeMapped(Process p, Vma vma, PteTable t, long addr, bool write)
    {
        int e = t.HugeEntry;
        if (!write) return FaultResult.NoFault;
        if (e > 0 && !PteTable.IsWriteProtected(e)) return FaultResult.NoFault;
        if (e > 0 && vm.Rmap.MapCount(PteTable.PfnOf(e)) == 1) { t.HugeEntry = PteTable.Present(PteTable.PfnOf(e), false); return FaultResult.Minor; }
        if (e > 0)
        {
            vm.SplitHugePmd(t);
            return PteFault(p, vma, t, addr, write);
        }
        int head = AllocAnonPage(p, addr, Units.PageblockOrder, ThpSettings.GfpMask(vm.ThpDefrag, vma.Has(VmFlags.HugePage)));
        if (head < 0)
        {
            ThpFaultFallback++;
            vm.SplitHugePmd(t);
            return PteFault(p, vma, t, addr, write);
        }
        t.HugeEntry = PteTable.Present(head, false);
        p.Mm!.RssAnonPages += Units.PageblockNrPages;
        ThpFaultAlloc++;
        return FaultResult.Minor;
    }
}
