using MemQuest.Engine.Procfs;

namespace MemQuest.Engine.Tests.Procfs;

public sealed class ExtfragTests
{
    private static readonly long[] HundredOrder0 = [100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    [Theory] // kernel-spec §19 fact 18
    [InlineData(1, 1000, "1.000 ")]
    [InlineData(0, 0, "0.000 ")]
    public void UnusableFreeIndex_HundredOrder0Blocks_Fact18(int order, int expected, string text)
    {
        int index = Extfrag.UnusableFreeIndex(order, Extfrag.FillContigPageInfo(HundredOrder0, order));
        Assert.Equal(expected, index);
        Assert.Equal(text, Extfrag.FormatIndex(index, extfrag: false));
    }

    [Theory] // kernel-spec §19 fact 19 and §4.4's examples
    [InlineData(1, 490)]
    [InlineData(3, 865)]
    public void FragmentationIndex_HundredOrder0Blocks_Fact19(int order, int expected) =>
        Assert.Equal(expected, Extfrag.FragmentationIndex(order, Extfrag.FillContigPageInfo(HundredOrder0, order)));

    [Fact] // kernel-spec §4.4: free lists 10,10,10 at orders 0..2, order 3 → 675
    public void FragmentationIndex_ThreeOrders_Is675() =>
        Assert.Equal(675, Extfrag.FragmentationIndex(3, Extfrag.FillContigPageInfo([10, 10, 10, 0, 0, 0, 0, 0, 0, 0, 0], 3)));

    [Fact] // kernel-spec §19 fact 20
    public void FragmentationIndex_SuitableBlockExists_IsMinus1000()
    {
        int index = Extfrag.FragmentationIndex(1, Extfrag.FillContigPageInfo([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1));
        Assert.Equal(-1000, index);
        Assert.Equal("-1.000 ", Extfrag.FormatIndex(index, extfrag: true));
        Assert.Equal(" 0.490 ", Extfrag.FormatIndex(490, extfrag: true));
    }

    [Theory] // kernel-spec §4.4: the oracle's DMA zone (1,1,3 free blocks at orders 8,9,10)
    [InlineData(9, 66)]
    [InlineData(10, 200)]
    public void UnusableFreeIndex_OracleDmaZone(int order, int expected) =>
        Assert.Equal(expected, Extfrag.UnusableFreeIndex(order, Extfrag.FillContigPageInfo([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3], order)));
}
