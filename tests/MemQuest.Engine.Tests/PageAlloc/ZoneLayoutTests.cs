using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Procfs;

namespace MemQuest.Engine.Tests.PageAlloc;

public sealed class ZoneLayoutTests
{
    [Theory] // issue 3: MemTotal equals the requested size exactly, for any box size
    [InlineData(24684084L)]
    [InlineData(65536L)]
    [InlineData(1048576L)]
    [InlineData(3145728L)]
    [InlineData(3170000L)]
    [InlineData(4194304L)]
    [InlineData(16777216L)]
    public void Boot_AnySize_MemTotalIsExact(long memTotalKb)
    {
        Machine m = Machine.Boot(new MachineSpec(memTotalKb), 1);
        Assert.Equal(memTotalKb, Units.K(m.Node.TotalramPages));
        Assert.Equal($"MemTotal:       {memTotalKb,8} kB", Meminfo.Render(Meminfo.Compute(m)).Split('\n')[0]);
    }

    [Fact] // kernel-spec §1: DMA below 16 MiB starting at pfn 1, DMA32 up to 4 GiB, Normal above
    public void Boot_24GiB_HasThreeZonesWithX86Boundaries()
    {
        Machine m = Machine.Boot(new MachineSpec(24684084), 1);
        Zone dma = m.Zones[0], dma32 = m.Zones[1], normal = m.Zones[2];
        Assert.Equal((1L, 4095L), (dma.StartPfn, dma.SpannedPages));
        Assert.Equal((4096L, 1044480L), (dma32.StartPfn, dma32.SpannedPages));
        Assert.Equal(1048576L, normal.StartPfn);
        Assert.False(m.Zones[3].IsPopulated);
        Assert.True(dma.ManagedPages < dma.PresentPages && dma.PresentPages < dma.SpannedPages);
    }

    [Fact] // kernel-spec §1: boot hands out the largest aligned blocks to the list tails in ascending pfn
    // order, so the first order-10 allocation comes from the zone's lowest pfn
    public void Boot_FirstOrder10Allocation_ComesFromLowestPfnOfNormal()
    {
        Machine m = Machine.Boot(new MachineSpec(8L * 1024 * 1024), 1);
        Zone normal = m.Zones[2];
        Assert.Equal(normal.StartPfn, m.PageAlloc.AllocPages(10, GfpFlags.GfpHighuserMovable));
        Assert.Equal(normal.StartPfn + 1024, m.PageAlloc.AllocPages(10, GfpFlags.GfpHighuserMovable));
    }

    [Fact] // kernel-spec §2.1: an order-0 request takes the smallest free block first (the zone's ragged end)
    public void Boot_FirstOrder0Allocation_TakesSmallestBlock()
    {
        Machine m = Machine.Boot(new MachineSpec(8L * 1024 * 1024), 1);
        Zone normal = m.Zones[2];
        int smallest = Enumerable.Range(0, Units.NrPageOrders).First(o => normal.NrFree(o) > 0);
        long expected = normal.FirstFree(smallest, MigrateType.Movable);
        Assert.Equal(expected, m.PageAlloc.AllocPages(0, GfpFlags.GfpHighuserMovable));
    }

    [Fact] // kernel-spec §3.1: THP madvise raises min_free_kbytes to 67584 with three zones
    public void Boot_24GiBWithThpMadvise_MinFreeKbytes67584()
    {
        Machine m = Machine.Boot(new MachineSpec(24684084), 1);
        Assert.Equal(67584, m.Sysctls.Get("min_free_kbytes"));
        Machine noThp = Machine.Boot(new MachineSpec(24684084) { ThpEnabled = "never" }, 1);
        // int_sqrt(24684084 * 16) = 19873: without THP the plain formula stands.
        Assert.Equal(19873, noThp.Sysctls.Get("min_free_kbytes"));
    }

    [Theory]
    [InlineData(1000L)]
    [InlineData(65534L)]
    public void Boot_BadSize_Throws(long kb) => Assert.ThrowsAny<ArgumentException>(() => Machine.Boot(new MachineSpec(kb), 1));
}
