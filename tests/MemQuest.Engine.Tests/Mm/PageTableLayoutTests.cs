// Page-table pages for far-apart and strided mappings (kernel-spec §8.3), THP fallback when no
// order-9 block is free (§16), and the digest covering the address space (architecture §6).
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Mm.Fault;

namespace MemQuest.Engine.Tests.Mm;

public sealed class PageTableLayoutTests
{
    [Theory]
    [InlineData(1L << 40, 3, 44 + 3 * 12)]          // each region in its own 512 GiB slot: PUD + PMD + PTE
    [InlineData(1L << 30, 3, 44 + 4 + 3 * 8)]       // one new 512 GiB slot, then a PMD + PTE per GiB
    [InlineData(2L << 20, 3, 44 + 12 + 2 * 4)]      // neighbouring 2 MiB slots share the PMD and PUD pages
    public void Spawn_SpacedRegionsOnePageEach_CountsPudPmdPtePages(long spacing, int regions, long wantPteKb)
    {
        var box = new MmTestBox();
        Process p = box.Spawn("far", new LabProgramSpec(MapBytes: 4096, TouchBytes: 4096, Regions: regions, SpacingBytes: spacing));
        Assert.Equal(wantPteKb, MmTestBox.PteKb(p));
        Assert.Equal(100 + regions * 4, MmTestBox.AnonKb(p));
    }

    [Fact]   // issue 5 layout bullet: unmapped_area_topdown + thp_get_unmapped_area (kernel-spec §8.2)
    public void Mmap_TopDown_BelowTheLibrariesEachJustBelowThePreviousLargeOnes2MiBAligned()
    {
        var box = new MmTestBox();
        Process p = box.Bare("layout");
        const long pmd = 2L << 20;
        long lowestLib = p.Mm!.Space.Vmas.Where(v => v.Start >= MinimalProgram.LibraryBase).Min(v => v.Start);
        long a = box.Vm.MmapAnon(p, 64L << 20, writable: true, noReserve: false);
        Assert.Equal(0, a % pmd);
        Assert.Equal((lowestLib & ~(pmd - 1)) - (64L << 20), a);            // the highest 2 MiB-aligned place below them
        long b = box.Vm.MmapAnon(p, 6L << 20, writable: true, noReserve: false);
        Assert.Equal(a - (6L << 20), b);                                      // right below the previous one
        long c = box.Vm.MmapAnon(p, 3L << 20, writable: true, noReserve: false);   // not a 2 MiB multiple: not aligned
        Assert.Equal(b - (3L << 20), c);
        long d = box.Vm.MmapAnon(p, 4L << 20, writable: true, noReserve: false);   // aligned again: skips down to 2 MiB
        Assert.Equal((c & ~(pmd - 1)) - (4L << 20), d);
    }

    [Fact]
    public void HugeFault_NoOrder9BlockFree_FallsBackToSmallPages()
    {
        var box = new MmTestBox(1L << 20);
        var pa = box.Machine.PageAlloc;
        var held = new List<long>();
        for (long pfn; (pfn = pa.AllocPages(0, MemQuest.Engine.PageAlloc.GfpFlags.GfpKernel)) >= 0;) held.Add(pfn);
        held.Sort();
        for (int i = 0; i < held.Count; i += 2) pa.FreePages(held[i], 0);   // free every other page: no order >= 1 block
        while (pa.AllocPages(9, MemQuest.Engine.PageAlloc.GfpFlags.GfpKernel) >= 0) { }   // and take the big blocks below the watermark
        Assert.True(box.Machine.Node.NrFreePages > 100000);
        box.Machine.SetThpEnabled("always");
        Process p = box.Spawn("thp");
        long addr = box.Vm.MmapAnon(p, 4L << 20, writable: true, noReserve: false);
        long fallbacks = box.Vm.Faults.ThpFaultFallback;
        Assert.Equal(FaultResult.Minor, box.Vm.Faults.Handle(p, addr, write: true));
        Assert.Equal(fallbacks + 1, box.Vm.Faults.ThpFaultFallback);
        Assert.Equal(104, MmTestBox.AnonKb(p));
        Assert.Equal(0, box.Machine.Node.Stat[(int)MemQuest.Engine.PageAlloc.NodeStatItem.NrAnonTransparentHugepages]);
    }

    /// <summary>A box whose free memory is all order-0 holes between movable anon pages (one process wrote
    /// its memory, then unmapped every other page), and a fresh MADV_HUGEPAGE mapping to fault in.</summary>
    private static (MmTestBox Box, Process P, long Addr) FragmentedByMovablePages()
    {
        var box = new MmTestBox(96L << 10);
        Process p = box.Bare("frag");
        long bytes = (box.Machine.Node.NrFreePages - 2048) * 4096;
        long a = box.Vm.MmapAnon(p, bytes, writable: true, noReserve: false);
        for (long off = 0; off < bytes; off += 4096) Assert.Equal(FaultResult.Minor, box.Vm.Faults.Handle(p, a + off, write: true));
        for (long off = 0; off < bytes; off += 8192) box.Vm.Munmap(p, a + off, 4096);
        // what is left in 2 MiB blocks is taken without reclaim or compaction (GFP_TRANSHUGE_LIGHT)
        while (box.Machine.PageAlloc.AllocPages(9, MemQuest.Engine.PageAlloc.GfpFlags.GfpTransHugeLight) >= 0) { }
        long huge = box.Vm.MmapAnon(p, 2L << 20, writable: true, noReserve: false);
        box.Vm.Madvise(p, huge, 2L << 20, hugepage: true);
        return (box, p, huge);
    }

    [Theory]   // vma_thp_gfp_mask (mm/huge_memory.c), kernel-spec §16: defrag decides whether a MADV_HUGEPAGE fault compacts
    [InlineData("madvise", 1, 0)]      // madvised: __GFP_DIRECT_RECLAIM → direct compaction makes an order-9 block
    [InlineData("always", 1, 0)]
    [InlineData("defer", 0, 1)]        // only kcompactd is woken: this fault falls back to 4 KiB pages
    [InlineData("never", 0, 1)]
    public void HugeFault_FragmentedByMovablePages_DefragDecidesCompactOrFallBack(string defrag, long thps, long fallbacks)
    {
        var (box, p, addr) = FragmentedByMovablePages();
        Assert.Equal(0, box.Machine.Zones.Sum(z => Enumerable.Range(9, 2).Sum(o =>
            Enumerable.Range(0, MemQuest.Engine.PageAlloc.Zone.MigrateTypes).Sum(mt => z.NrFreeOfType(o, (MemQuest.Engine.PageAlloc.MigrateType)mt)))));
        Assert.True(box.Machine.Node.NrFreePages > 8000);
        Assert.Equal(MemQuest.Engine.Sysctl.Errno.Ok, box.Vm.SetThpDefrag(defrag));
        long fb = box.Vm.Faults.ThpFaultFallback, alloc = box.Vm.Faults.ThpFaultAlloc;
        Assert.Equal(FaultResult.Minor, box.Vm.Faults.Handle(p, addr, write: true));
        Assert.Equal(thps, box.Vm.Faults.ThpFaultAlloc - alloc);
        Assert.Equal(fallbacks, box.Vm.Faults.ThpFaultFallback - fb);
    }

    [Fact]
    public void HugeFault_Order9BlockFree_MapsA2MiBPageInOneFault()
    {
        var box = new MmTestBox(1L << 20);
        box.Machine.SetThpEnabled("always");
        Process p = box.Spawn("thp");
        long addr = box.Vm.MmapAnon(p, 4L << 20, writable: true, noReserve: false);
        long faults = p.MinFlt;
        for (long off = 0; off < 2 << 20; off += 4096) box.Vm.Faults.Handle(p, addr + off, write: true);
        Assert.Equal(1, p.MinFlt - faults);
        Assert.Equal(100 + 2048, MmTestBox.AnonKb(p));
    }

    [Fact]
    public void Digest_SameActions_SameDigest_AndAFaultChangesIt()
    {
        string Run(bool extraFault)
        {
            var box = new MmTestBox(1L << 20);
            Process p = box.Spawn("d", new LabProgramSpec(MapBytes: 8 << 20, TouchBytes: 1 << 20));
            box.Vm.Fork(p, out _);
            if (extraFault) box.Vm.Faults.Handle(p, p.Mm!.Space.Vmas.First(v => v.Pages == 2048).Start + (4 << 20), write: false);
            return box.Machine.Digest();
        }
        Assert.Equal(Run(false), Run(false));
        Assert.NotEqual(Run(false), Run(true));
    }
}
