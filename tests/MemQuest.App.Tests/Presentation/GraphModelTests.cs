using MemQuest.App.Presentation;

namespace MemQuest.App.Tests.Presentation;

public sealed class GraphModelTests
{
    private static GraphModel Model(int capacity = 4) => new([new GraphSeries("MemAvailable", 800, Sizes.FromKb)], capacity);

    [Fact]
    public void Last_MoreSamplesThanCapacity_KeepsNewestOldestFirst()
    {
        GraphModel g = Model(capacity: 3);
        for (int t = 1; t <= 5; t++) g.Add(new GraphSample(t, [t * 100L]));
        Assert.Equal(3, g.Count);
        Assert.Equal([3L, 4L, 5L], g.Last(10).Select(s => s.Tick));
    }

    [Fact]
    public void Plot_OneRow_EighthBlocksRightAligned()
    {
        GraphModel g = Model();
        g.Add(new GraphSample(1, [800]));
        g.Add(new GraphSample(2, [400]));
        g.Add(new GraphSample(3, [0]));
        Assert.Equal(["  █▄ "], g.Plot(0, 5, 1));
    }

    [Fact]
    public void Plot_TwoRows_HalfValueFillsBottomRow()
    {
        GraphModel g = Model();
        g.Add(new GraphSample(1, [400]));
        Assert.Equal([" ", "█"], g.Plot(0, 1, 2));
    }

    [Fact]
    public void Plot_TinyNonZeroValue_StillVisible()
    {
        GraphModel g = Model();
        g.Add(new GraphSample(1, [1]));
        Assert.Equal(["▁"], g.Plot(0, 1, 1));
    }

    [Fact]
    public void CaptionAndSpan_Samples_NameNewestValueAndSimulatedTime()
    {
        GraphModel g = Model(capacity: 100);
        Assert.Equal("MemAvailable -", g.Caption(0));
        g.Add(new GraphSample(10, [512]));
        g.Add(new GraphSample(35, [1024]));
        Assert.Equal("MemAvailable 1.0Mi", g.Caption(0));
        Assert.Equal("last 2.5 s", g.Span(80));
    }

    [Fact]
    public void Add_WrongNumberOfValues_Throws() =>
        Assert.Throws<ArgumentException>(() => Model().Add(new GraphSample(1, [1, 2])));
}
