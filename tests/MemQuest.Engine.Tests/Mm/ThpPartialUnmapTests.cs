// munmap of part of a THP (__split_huge_pmd + the deferred split queue). kernel-spec §16 says nothing
// about it; the expected deltas were measured on the 6.18 box these helpers run on (2026-11-24, a C
// program: 8 MiB MADV_HUGEPAGE mapping written, then munmap of 1 MiB of THP 0, 4 KiB of THP 1, all of
// THP 2, reading /proc/self/status, smaps_rollup and /proc/vmstat): RssAnon −1024 / −4 / −2048 kB,
// AnonHugePages −2048 kB each time, VmPTE 64 → 64 → 64 → 60 kB, thp_split_pmd and
// thp_deferred_split_page +1 per partial unmap, thp_split_page +0 (the split waits for the shrinker).
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Tests.Mm;

public sealed class ThpPartialUnmapTests
{
    private const long Mib = 1 << 20;

    private sealed record Snap(long RssAnonKb, long PteKb, long AnonHugeKb, long AnonPagesKb, long FreePages,
        long SplitPmd, long DeferredSplit, long SplitPage);

    private static Snap Take(MmTestBox box, Process p)
    {
        Machine m = box.Machine;
        return new Snap(MmTestBox.AnonKb(p), MmTestBox.PteKb(p),
            Units.K(m.Node.Stat[(int)NodeStatItem.NrAnonTransparentHugepages]), Units.K(m.Node.Stat[(int)NodeStatItem.NrAnonPages]),
            m.Node.NrFreePages, m.VmEvents[VmEventItem.ThpSplitPmd], m.VmEvents[VmEventItem.ThpDeferredSplitPage],
            m.VmEvents[VmEventItem.ThpSplitPage]);
    }

    /// <summary>The measured program: an 8 MiB MADV_HUGEPAGE mapping (2 MiB aligned), every byte written.</summary>
    private static (MmTestBox Box, Process P, long Addr) FourThps()
    {
        var box = new MmTestBox();
        var (p, addr) = box.SpawnMapped("thp", new LabProgramSpec(MapBytes: 8 * Mib, TouchBytes: 8 * Mib, HugePage: true));
        Assert.Equal(0, addr % (2 * Mib));
        Assert.Equal(8192, Units.K(box.Machine.Node.Stat[(int)NodeStatItem.NrAnonTransparentHugepages]));
        return (box, p, addr);
    }

    [Fact]
    public void Munmap_HalfOfATHP_SplitsThePmdRssDropsByTheHalfAndTheMemoryWaitsForTheSplit()
    {
        var (box, p, addr) = FourThps();
        Snap a = Take(box, p);
        Assert.Equal(Errno.Ok, box.Vm.Munmap(p, addr + Mib, Mib));
        Snap b = Take(box, p);
        Assert.Equal(-1024, b.RssAnonKb - a.RssAnonKb);
        Assert.Equal(-2048, b.AnonHugeKb - a.AnonHugeKb);
        Assert.Equal(0, b.PteKb - a.PteKb);                    // the deposited PTE page now maps the other half
        Assert.Equal(-1024, b.AnonPagesKb - a.AnonPagesKb);
        Assert.Equal(0, b.FreePages - a.FreePages);           // the unmapped 256 pages stay allocated
        Assert.Equal((1, 1, 0), (b.SplitPmd - a.SplitPmd, b.DeferredSplit - a.DeferredSplit, b.SplitPage - a.SplitPage));
        Assert.Equal(1, box.Vm.DeferredSplit.Length);
        // the half still mapped is ordinary 4 KiB pages: a write to it is no fault, a read of the hole is SIGSEGV
        Assert.Equal(MemQuest.Engine.Mm.Fault.FaultResult.NoFault, box.Vm.Faults.Handle(p, addr, write: true));
        Assert.Equal(MemQuest.Engine.Mm.Fault.FaultResult.SegvMapErr, box.Vm.Faults.Handle(p, addr + Mib, write: false));
    }

    [Fact]
    public void Munmap_OnePageOfATHPThenAWholeOne_MatchesTheMeasuredDeltas()
    {
        var (box, p, addr) = FourThps();
        box.Vm.Munmap(p, addr + Mib, Mib);
        Snap a = Take(box, p);
        box.Vm.Munmap(p, addr + 2 * Mib + 512 * 1024, 4096);
        Snap b = Take(box, p);
        Assert.Equal((-4L, -2048L, 0L), (b.RssAnonKb - a.RssAnonKb, b.AnonHugeKb - a.AnonHugeKb, b.PteKb - a.PteKb));
        Assert.Equal(0, b.FreePages - a.FreePages);
        box.Vm.Munmap(p, addr + 4 * Mib, 2 * Mib);
        Snap c = Take(box, p);
        Assert.Equal((-2048L, -2048L, -4L), (c.RssAnonKb - b.RssAnonKb, c.AnonHugeKb - b.AnonHugeKb, c.PteKb - b.PteKb));
        Assert.Equal(512 + 1, c.FreePages - b.FreePages);      // the whole THP and its deposited page table
        Assert.Equal((0L, 0L), (c.SplitPmd - b.SplitPmd, c.DeferredSplit - b.DeferredSplit));
        Assert.Equal(2048, c.AnonHugeKb);
    }

    [Fact]
    public void DropSlab_RunsTheDeferredSplitShrinker_FreesTheUnmappedSubpages()
    {
        var (box, p, addr) = FourThps();
        box.Vm.Munmap(p, addr + Mib, Mib);
        box.Vm.Munmap(p, addr + 2 * Mib + 512 * 1024, 4096);
        Snap a = Take(box, p);
        long slab = SlabPages(box);
        Assert.Equal(Errno.Ok, box.Machine.Sysctls.Write(SysctlCatalog.DropCaches, "2"));   // drop_slab: shrinkers at priority 0
        Snap b = Take(box, p);
        Assert.Equal(2, b.SplitPage - a.SplitPage);
        // the 256 + 1 unmapped subpages come back (plus whatever the dentry/inode shrinker freed)
        Assert.Equal(256 + 1, b.FreePages - a.FreePages - (slab - SlabPages(box)));
        Assert.Equal(0, box.Vm.DeferredSplit.Length);
        Assert.Equal((0L, 0L), (b.RssAnonKb - a.RssAnonKb, b.AnonPagesKb - a.AnonPagesKb));
    }

    [Fact]
    public void Munmap_TheRestOfAPartlyUnmappedTHP_FreesTheWholeFolioWithoutASplit()
    {
        var (box, p, addr) = FourThps();
        Snap a = Take(box, p);
        box.Vm.Munmap(p, addr + Mib, Mib);
        box.Vm.Munmap(p, addr, Mib);
        Snap b = Take(box, p);
        Assert.Equal(512 + 1, b.FreePages - a.FreePages);      // the THP and its PTE page (no VMA left in the slot)
        Assert.Equal(0, b.SplitPage - a.SplitPage);
        Assert.Equal(0, box.Vm.DeferredSplit.Length);
    }

    [Fact]
    public void PartlyUnmappedTHP_ForkedThenBothExit_EveryPageReturnsToTheBuddyAllocator()
    {
        var box = new MmTestBox();
        Process app = box.Bare("app");                         // the program's binary enters the page cache once
        long free = box.Machine.Node.NrFreePages;
        var (p, addr) = box.SpawnMapped("thp", new LabProgramSpec(MapBytes: 8 * Mib, TouchBytes: 8 * Mib, HugePage: true));
        Process child = box.Vm.Fork(p, out Errno e)!;
        Assert.Equal(Errno.Ok, e);
        long parentRss = MmTestBox.AnonKb(p), childRss = MmTestBox.AnonKb(child);
        box.Vm.Munmap(child, addr + Mib, 3 * Mib);            // child: half of THP 0 and all of THP 1
        Assert.Equal(parentRss, MmTestBox.AnonKb(p));          // the parent still maps all 8 MiB
        Assert.Equal(childRss - 3072, MmTestBox.AnonKb(child));
        Assert.Equal(MemQuest.Engine.Mm.Fault.FaultResult.Minor, box.Vm.Faults.Handle(p, addr + Mib, write: true));   // COW of a shared subpage
        box.Vm.Exit(child);
        box.Vm.Exit(p);                                        // the last mapper gone: whole folios freed, no split
        Assert.Equal(0, box.Vm.DeferredSplit.Length);
        Assert.Equal(0, box.Vm.DeferredSplit.ParkedPages);
        Assert.Equal(app.Mm!.RssAnonPages, box.Machine.Node.Stat[(int)NodeStatItem.NrAnonPages]);
        long binaryPages = box.Machine.Fs.Lookup("/usr/local/bin/thp", out _)!.NrPages;   // stays cached
        Assert.Equal(free, box.Machine.Node.NrFreePages + binaryPages);
    }

    private static long SelfAnonHugeKb(Process p) =>
        p.Mm!.Space.Tables.PteTables.Count(kv => kv.Value.HugeEntry > 0) * 2048L;

    /// <summary>Measured on the same box (cow.c: 4 MiB MADV_HUGEPAGE written, fork, the child writes one byte):
    /// child RssAnon 4200 → 4200 kB, its smaps AnonHugePages 4096 → 2048 kB, thp_split_pmd +1,
    /// thp_fault_alloc +0, thp_deferred_split_page +0: do_huge_pmd_wp_page splits and copies 4 KiB.</summary>
    [Fact]
    public void ForkThenChildWritesOneByte_SplitsThePmdAndCopiesOnePageNotTheTHP()
    {
        var box = new MmTestBox();
        var (p, addr) = box.SpawnMapped("cow", new LabProgramSpec(MapBytes: 4 * Mib, TouchBytes: 4 * Mib, HugePage: true));
        Process child = box.Vm.Fork(p, out Errno e)!;
        Assert.Equal(Errno.Ok, e);
        Snap a = Take(box, child);
        long huge = SelfAnonHugeKb(child), thpAlloc = box.Vm.Faults.ThpFaultAlloc;
        Assert.Equal(4096, huge);
        Assert.Equal(MemQuest.Engine.Mm.Fault.FaultResult.Minor, box.Vm.Faults.Handle(child, addr + 100, write: true));
        Snap b = Take(box, child);
        Assert.Equal(0, b.RssAnonKb - a.RssAnonKb);
        Assert.Equal(2048, SelfAnonHugeKb(child));
        Assert.Equal((1L, 0L), (b.SplitPmd - a.SplitPmd, b.DeferredSplit - a.DeferredSplit));
        Assert.Equal(thpAlloc, box.Vm.Faults.ThpFaultAlloc);
        Assert.Equal(-1, b.FreePages - a.FreePages);            // one 4 KiB copy
        Assert.Equal(0, b.PteKb - a.PteKb);
        Assert.Equal(MemQuest.Engine.Mm.Fault.FaultResult.NoFault, box.Vm.Faults.Handle(child, addr + 200, write: true));
    }

    private static long SlabPages(MmTestBox box) =>
        box.Machine.Node.Stat[(int)NodeStatItem.NrSlabReclaimable] + box.Machine.Node.Stat[(int)NodeStatItem.NrSlabUnreclaimable];
}
