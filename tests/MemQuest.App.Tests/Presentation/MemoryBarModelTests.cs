using MemQuest.App.Presentation;
using MemQuest.Engine;
using MemQuest.Engine.Procfs;

namespace MemQuest.App.Tests.Presentation;

public sealed class MemoryBarModelTests
{
    private static Meminfo.Values Values(long total, long free, long avail, long buffers, long cached, long sreclaimable) =>
        new([new("MemTotal", total), new("MemFree", free), new("MemAvailable", avail), new("Buffers", buffers),
             new("Cached", cached), new("SReclaimable", sreclaimable)]);

    [Fact]
    public void From_Meminfo_SplitsAsProcpsFreeDoes()
    {
        var m = MemoryBarModel.From(Values(total: 1000, free: 300, avail: 550, buffers: 10, cached: 200, sreclaimable: 40));
        Assert.Equal(new MemoryBarModel(1000, 450, 250, 300, 550), m);
    }

    [Fact]
    public void From_CacheLargerThanTotalMinusFree_UsedFallsBackToTotalMinusFree()
    {
        var m = MemoryBarModel.From(Values(total: 1000, free: 800, avail: 900, buffers: 0, cached: 300, sreclaimable: 0));
        Assert.Equal(200, m.UsedKb);
    }

    [Fact]
    public void From_BootedBox_AllManagedPagesFreeAndAvailableBelowFree()
    {
        var m = MemoryBarModel.From(Meminfo.Compute(Machine.Boot(MachineSpec.Default, 1)));
        Assert.Equal(4L * 1024 * 1024, m.TotalKb);
        Assert.Equal(m.TotalKb, m.UsedKb + m.BuffCacheKb + m.FreeKb);
        Assert.True(m.AvailableKb < m.FreeKb);
    }

    [Fact]
    public void Cells_QuarterUsedQuarterCache_DrawsSegmentsInOrder()
    {
        var m = new MemoryBarModel(400, 100, 100, 200, 300);
        Assert.Equal("██▒▒░░░░", m.Cells(8));
    }

    [Fact]
    public void AvailableSpan_WideBar_BracketsFromMarkerToRightEdge()
    {
        var m = new MemoryBarModel(4096, 1024, 0, 3072, 3072);
        string span = m.AvailableSpan(40);
        Assert.Equal(40, span.Length);
        Assert.Equal(10, m.AvailableColumn(40));
        Assert.Equal('└', span[10]);
        Assert.Equal('┘', span[39]);
        Assert.Contains("available 3.0Mi", span);
    }

    [Fact]
    public void AvailableSpan_NarrowSpan_PutsLabelLeftOfBracket()
    {
        var m = new MemoryBarModel(1000, 900, 0, 100, 100);
        string span = m.AvailableSpan(40);
        Assert.EndsWith("available 100Ki └──┘", span);
    }

    [Fact]
    public void Legend_NamesEveryPartWithFreeHUnits()
    {
        var m = new MemoryBarModel(4L << 20, 1L << 20, 512 << 10, 2560L << 10, 3L << 20);
        Assert.Equal("█ used 1.0Gi   ▒ buff/cache 512Mi   ░ free 2.5Gi   total 4.0Gi", m.Legend());
    }
}
