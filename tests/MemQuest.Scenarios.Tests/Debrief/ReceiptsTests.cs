using MemQuest.Engine.Events;
using MemQuest.Scenarios.Debrief;

namespace MemQuest.Scenarios.Tests.Debrief;

public sealed class ReceiptsTests
{
    private static IEnumerable<KernelEvent> Chain(long pfn, int fromOrder, int requestedOrder)
    {
        for (int o = fromOrder; o > requestedOrder; o--)
            yield return new BuddySplit(1, "Normal", pfn, o, pfn + (1L << (o - 1)), o - 1);
    }

    [Fact]
    public void Add_SplitChainForSmallRequest_IsDropped_EvenFromAnOrder10Block()
    {
        var r = new Receipts();
        r.Add(Chain(1024, 10, 0));
        Assert.Empty(r.Events);
    }

    [Fact]
    public void Add_SplitChainForCostlyRequest_IsKeptWhole()
    {
        var r = new Receipts();
        r.Add(Chain(2048, 10, 4).Concat(Chain(4096, 3, 0)));
        Assert.Equal(6, r.Events.Count);
        Assert.All(r.Events, e => Assert.Equal(2048, ((BuddySplit)e).Pfn));
    }

    [Fact]
    public void Add_MergesDroppedOtherReceiptsKept()
    {
        var r = new Receipts();
        r.Add([new BuddyMerged(1, "Normal", 0, 1, 0, 0), new AllocFailed(2, 4, "0xcc0(GFP_KERNEL)", "fragmented")]);
        Assert.IsType<AllocFailed>(Assert.Single(r.Events));
    }
}
