using MemQuest.App.Presentation;

namespace MemQuest.App.Tests.Presentation;

public sealed class TutorialGuideTests
{
    private static TutorialGuide Guide() => new(TutorialGuide.ForIncident("Load pktlog with vmalloc", "modprobe pktlog buf_alloc=vmalloc"));

    [Fact]
    public void Steps_PointAtBarProcessesConsoleActionsHintsObjectives_InThatOrder()
    {
        Assert.Equal([Pane.MemoryBar, Pane.Processes, Pane.Console, Pane.Console, Pane.Console, Pane.Console, Pane.Objectives],
            Guide().Steps.Select(s => s.Target));
    }

    [Fact]
    public void DoingSteps_AdvanceOnlyOnTheirOwnAction()
    {
        var g = Guide();
        g.OnEnter();
        g.OnEnter();
        Assert.Equal("The console", g.Current!.Title);
        g.OnEnter();
        g.OnActionsOpened();
        g.OnCommand("freeze");
        Assert.Equal(3, g.Number);
        g.OnCommand("  free   -m ");
        Assert.Equal("The actions menu", g.Current!.Title);
        g.OnActionsOpened();
        g.OnCommand("modprobe pktlog buf_alloc=kmalloc");   // the fix step wants the fix, not any modprobe
        Assert.Equal("Run the fix", g.Current!.Title);
        g.OnCommand("modprobe pktlog  buf_alloc=vmalloc");
        g.OnCommand("hint buy");
        Assert.Equal("Objectives", g.Current!.Title);
        int changes = 0;
        g.Changed += () => changes++;
        g.OnEnter();
        Assert.True(g.Finished);
        Assert.Null(g.Current);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Skip_EndsTheGuideOnce()
    {
        var g = Guide();
        int changes = 0;
        g.Changed += () => changes++;
        g.Skip();
        g.Skip();
        g.OnEnter();
        Assert.True(g.Skipped);
        Assert.False(g.Active);
        Assert.Equal(1, changes);
        Assert.Equal("", g.Footer);
    }

    [Fact]
    public void Footer_SaysHowToGoOn()
    {
        var g = Guide();
        Assert.Equal("Step 1/7 · Enter: next · Esc ends the guide", g.Footer);
        g.OnEnter();
        g.OnEnter();
        Assert.Equal("Step 3/7 · Esc ends the guide", g.Footer);
    }
}
