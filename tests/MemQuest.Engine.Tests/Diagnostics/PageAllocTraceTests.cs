// The bench traces (issue 3) run through the public allocator with full accounting: every pair
// frees a block the trace holds and takes a new one, so the blocks it holds stay allocated heads of
// their order, none twice, and free pages plus held pages stay constant.
using MemQuest.Engine.Diagnostics;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Tests.Diagnostics;

public sealed class PageAllocTraceTests
{
    private const long BoxKb = 256 * 1024;

    [Theory]
    [InlineData(false, 50)]
    [InlineData(true, 50)]
    [InlineData(false, 1)]   // few slots: the same slot is often drawn twice in a row (the driver reads one pair ahead)
    [InlineData(true, 1)]
    public void Run_KeepsHeldBlocksAllocated_AndFreePlusHeldConstant(bool mixedOrders, int fillPercent)
    {
        var trace = new PageAllocTrace(BoxKb, fillPercent, mixedOrders);
        Machine m = trace.Machine;
        long before = m.Node.NrFreePages + HeldPages(trace);
        Assert.True(HeldPages(trace) >= m.Node.TotalramPages * fillPercent / 100, "the trace fills the box as asked");

        trace.Run(50_000, mixedOrders);

        Assert.Equal(before, m.Node.NrFreePages + HeldPages(trace));
        var seen = new HashSet<long>();
        foreach (var (pfn, order) in trace.LiveBlocks)
        {
            Assert.True(m.PageAlloc.IsAllocatedHead(pfn, out int headOrder), $"pfn {pfn} is not an allocated head");
            Assert.Equal(order, headOrder);
            Assert.True(seen.Add(pfn), $"pfn {pfn} is held twice");
        }
        foreach (Zone z in m.Node.Zones)
            Assert.Equal(z.NrFreePages, Enumerable.Range(0, Units.NrPageOrders).Sum(o => z.NrFree(o) << o));
    }

    [Fact]
    public void Run_IsDeterministic()
    {
        long a = new PageAllocTrace(BoxKb, 50, mixedOrders: true).Run(20_000, mixedOrders: true);
        long b = new PageAllocTrace(BoxKb, 50, mixedOrders: true).Run(20_000, mixedOrders: true);
        Assert.Equal(a, b);
    }

    private static long HeldPages(PageAllocTrace trace) => trace.LiveBlocks.Sum(b => 1L << b.Order);
}
