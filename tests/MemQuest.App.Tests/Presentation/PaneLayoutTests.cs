using System.Drawing;
using MemQuest.App.Presentation;

namespace MemQuest.App.Tests.Presentation;

public sealed class PaneLayoutTests
{
    [Theory]
    [InlineData(78, 21)]
    [InlineData(118, 37)]
    [InlineData(198, 57)]
    [InlineData(40, 10)]
    public void Compute_AnySize_PanesInsideAndNotOverlapping(int width, int height)
    {
        IReadOnlyDictionary<Pane, Rectangle> panes = PaneLayout.Compute(width, height, Pane.Buddy);
        var area = new Rectangle(0, 0, width, Math.Max(height, 6));
        foreach (Rectangle r in panes.Values) Assert.True(area.Contains(r), $"{r} outside {area}");
        var list = panes.Values.ToList();
        for (int i = 0; i < list.Count; i++)
            for (int j = i + 1; j < list.Count; j++)
                Assert.False(list[i].IntersectsWith(list[j]), $"{list[i]} overlaps {list[j]}");
        Assert.Contains(Pane.MemoryBar, panes.Keys);
        Assert.Contains(Pane.Console, panes.Keys);
    }

    [Fact]
    public void Compute_80x24Window_ShowsOnlyTheChosenCyclePane()
    {
        IReadOnlyDictionary<Pane, Rectangle> panes = PaneLayout.Compute(78, 21, Pane.Graph);
        Assert.Equal([Pane.MemoryBar, Pane.Graph, Pane.Console], panes.Keys.Order());
        Assert.True(panes[Pane.Console].Height >= 8, "the console keeps room to play");
    }

    [Fact]
    public void Compute_200x60Window_ShowsEveryPane()
    {
        IReadOnlyDictionary<Pane, Rectangle> panes = PaneLayout.Compute(198, 57, Pane.Processes, objectiveRows: 2);
        Assert.Equal(Enum.GetValues<Pane>().Order(), panes.Keys.Order());
        Assert.Equal(4, panes[Pane.Objectives].Height);
        Assert.DoesNotContain(Pane.Objectives, PaneLayout.Compute(198, 57, Pane.Processes).Keys);
    }

    [Fact]
    public void Compute_IncidentAt80x24_ObjectivesComeFirstInTheCycle()
    {
        Assert.Equal([Pane.MemoryBar, Pane.Console, Pane.Objectives], PaneLayout.Compute(78, 21, Pane.Objectives, objectiveRows: 2).Keys.Order());
        Assert.Equal(Pane.Processes, PaneLayout.NextInCycle(Pane.Objectives, objectiveRows: 2));
        Assert.Equal(Pane.Objectives, PaneLayout.NextInCycle(Pane.KernelLog, objectiveRows: 2));
    }

    [Fact]
    public void NextInCycle_LastPane_WrapsToProcesses()
    {
        Assert.Equal(Pane.Buddy, PaneLayout.NextInCycle(Pane.Processes));
        Assert.Equal(Pane.Processes, PaneLayout.NextInCycle(Pane.KernelLog));
    }
}
