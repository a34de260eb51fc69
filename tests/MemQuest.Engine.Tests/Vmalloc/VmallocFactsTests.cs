// kernel-spec §19 facts 34-35 (vmalloc guard page and nested page array), lazy purge and kvmalloc.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Procfs;
using MemQuest.Engine.Vmalloc;

namespace MemQuest.Engine.Tests.Vmalloc;

public sealed class VmallocFactsTests
{
    private static Machine Boot() => Machine.Boot(new MachineSpec(1L << 20, 2), 5);

    [Fact] // kernel-spec §19 fact 34
    public void Vmalloc_16KiB_FourPagesPlusGuardAndVmallocUsedPlus16()
    {
        Machine m = Boot();
        long used = Meminfo.Compute(m)["VmallocUsed"];
        VmapArea a = m.Vmalloc.Vmalloc(16384, "test+0x0/0x10")!;
        Assert.Equal((4, 20480L), (a.NrPages, a.SizeBytes));
        Assert.Equal(used + 16, Meminfo.Compute(m)["VmallocUsed"]);
        Assert.Contains($"0x{a.VaStart:x16}-0x{a.VaEnd:x16}   20480 test+0x0/0x10 pages=4 vmalloc N0=4\n", Vmallocinfo.Render(m.Vmalloc));
    }

    [Fact] // kernel-spec §19 fact 35
    public void Vmalloc_513Pages_NestsTwoPageArrayAndUses515Pages()
    {
        Machine m = Boot();
        long used = Meminfo.Compute(m)["VmallocUsed"], free = m.Node.NrFreePages;
        VmapArea a = m.Vmalloc.Vmalloc(513 * 4096, "test+0x0/0x10")!;
        Assert.Equal(2105344, a.SizeBytes);
        Assert.Equal(2, a.ArrayArea!.NrPages);
        Assert.Equal(used + 2060, Meminfo.Compute(m)["VmallocUsed"]);
        Assert.Contains(" 2105344 test+0x0/0x10 pages=513 vmalloc vpages N0=513\n", Vmallocinfo.Render(m.Vmalloc));
        Assert.True(free - m.Node.NrFreePages >= 515);
    }

    [Fact]
    public void Vmalloc_512Pages_KeepsPageArrayInKmalloc()
    {
        Machine m = Boot();
        VmapArea a = m.Vmalloc.Vmalloc(512 * 4096, "test+0x0/0x10")!;
        Assert.Null(a.ArrayArea);
        Assert.Equal("kmalloc-4k", m.Slab.Resolve(a.ArrayKmalloc).Slab.Cache.Name);
    }

    [Fact]
    public void Vfree_Area_FreesPagesNowAndLeavesUnpurgedRange()
    {
        Machine m = Boot();
        long free = m.Node.NrFreePages;
        VmapArea a = m.Vmalloc.Vmalloc(16384, "test+0x0/0x10")!;
        Assert.True(m.Vmalloc.Vfree(a.VaStart));
        Assert.Contains($"0x{a.VaStart:x16}-0x{a.VaEnd:x16}   20480 unpurged vm_area\n", Vmallocinfo.Render(m.Vmalloc));
        Assert.True(m.Node.NrFreePages >= free - 2, "pages come back at vfree time");
        Assert.False(m.Vmalloc.Vfree(a.VaStart));
    }

    [Fact]
    public void Vmalloc_Areas_AreLowestFirstFitAboveVmallocStart()
    {
        Machine m = Boot();
        ulong previousEnd = 0;
        foreach (VmapArea a in m.Vmalloc.Areas.Where(a => a.VaStart < VmallocSpace.ModulesStart))
        {
            Assert.True(a.VaStart >= VmallocSpace.VmallocStart && a.VaStart >= previousEnd);
            previousEnd = a.VaEnd;
        }
        Assert.Equal(VmallocSpace.VmallocStart, m.Vmalloc.Areas.First().VaStart);
    }

    [Fact]
    public void Kvmalloc_NoOrder5Block_FallsBackToVmalloc()
    {
        Machine m = Boot();
        var held = new List<long>();
        long pfn;
        while ((pfn = m.PageAlloc.AllocPages(0, GfpFlags.GfpAtomic)) >= 0) held.Add(pfn);
        foreach (long p in held.Where(p => p % 2 == 0)) m.PageAlloc.FreePages(p, 0);
        while (m.Slab.Kmalloc(100000, GfpFlags.GfpKernel) != -1) { }   // use up the few order-5 blocks left
        long address = m.Vmalloc.Kvmalloc(100000, GfpFlags.GfpKernel, "test+0x0/0x10", out VmapArea? area);
        Assert.NotNull(area);
        Assert.Equal(25, area.NrPages);
        Assert.Equal(unchecked((long)area.VaStart), address);
    }

    [Fact]
    public void Boot_KernelStacks_CountedInKernelStackKb()
    {
        Machine m = Boot();
        int stacks = m.Vmalloc.Areas.Count(a => a.Caller.StartsWith("kernel_clone", StringComparison.Ordinal) || a.Caller.StartsWith("fork_idle", StringComparison.Ordinal));
        Assert.Equal(stacks * 16L, Meminfo.Compute(m)["KernelStack"]);
        Assert.Equal(m.Vmalloc.Areas.Where(a => (a.Flags & VmFlags.Alloc) != 0).Sum(a => (long)a.NrPages) * 4, Meminfo.Compute(m)["VmallocUsed"]);
    }
}
