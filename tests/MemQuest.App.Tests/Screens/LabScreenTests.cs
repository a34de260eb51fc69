using MemQuest.App.Presentation;
using MemQuest.App.Screens;
using MemQuest.Engine;
using Terminal.Gui.Input;

namespace MemQuest.App.Tests.Screens;

public sealed class LabScreenTests
{
    private static LabBox Box() => new(new MachineSpec(256 * 1024, Cpus: 2), 1);

    [Fact]
    public void Console_TypedCommand_ShowsWhatTheToolPrints()
    {
        using var h = new Headless();
        using var lab = new LabScreen(h.App, Box());
        h.Begin(lab);
        h.Type("cat /proc/meminfo | head -2");
        h.Press(Key.Enter);
        string screen = h.Screen();
        Assert.Contains("lab# cat /proc/meminfo | head -2", screen);
        Assert.Contains("MemTotal:         262144 kB", screen);
        Assert.Contains("MemFree:", screen);
    }

    [Fact]
    public void Console_UpAfterCommand_RecallsIt()
    {
        using var h = new Headless();
        using var lab = new LabScreen(h.App, Box());
        h.Begin(lab);
        h.Type("sysctl vm.swappiness");
        h.Press(Key.Enter);
        Assert.Contains("vm.swappiness = 60", h.Screen());
        h.Press(Key.CursorUp);
        Assert.Equal("sysctl vm.swappiness", lab.Console.Input.Text);
    }

    [Fact]
    public void Console_Tab_CompletesPathAndKeepsFocus()
    {
        using var h = new Headless();
        using var lab = new LabScreen(h.App, Box());
        h.Begin(lab);
        h.Type("cat /proc/budd");
        h.Press(Key.Tab);
        Assert.Equal("cat /proc/buddyinfo ", lab.Console.Input.Text);
        Assert.True(lab.Console.Input.HasFocus);
    }

    [Fact]
    public void Console_UnknownCommand_ExplainsInline()
    {
        using var h = new Headless();
        using var lab = new LabScreen(h.App, Box());
        h.Begin(lab);
        h.Type("fre");
        h.Press(Key.Enter);
        Assert.Contains("fre: command not found", h.Screen());
    }

    [Fact]
    public void StatusKeys_PauseAndSpeed_ChangeClockAndTitle()
    {
        using var h = new Headless();
        using var lab = new LabScreen(h.App, Box());
        h.Begin(lab);
        Assert.EndsWith("00:00:00.0 · x1", h.Rows()[3]);
        h.Press(Key.F6);
        Assert.Equal(4, lab.Clock.Speed);
        h.Press(Key.F6, Key.F6);
        Assert.Equal(1, lab.Clock.Speed);
        h.Press(Key.F5);
        Assert.True(lab.Clock.Paused);
        Assert.Contains("· paused", h.Rows()[3]);
    }

    [Fact]
    public void Beat_Running_AdvancesSimulatedTimeInTitleAndGraph()
    {
        using var h = new Headless(200, 60);
        using var lab = new LabScreen(h.App, Box());
        h.Begin(lab);
        lab.Clock.RunBeat(16);
        lab.Clock.RunBeat(16);
        string screen = h.Screen();
        Assert.Contains("00:00:03.2 · x1", h.Rows()[3]);
        Assert.Contains("last 3.2 s", screen);
        lab.Clock.TogglePause();
        lab.Clock.RunBeat(16);
        Assert.Contains("00:00:03.2 · paused", h.Rows()[3]);
    }

    [Fact]
    public void F8_CompactScreen_CyclesTheInformationPane()
    {
        using var h = new Headless(80, 24);
        using var lab = new LabScreen(h.App, Box());
        h.Begin(lab);
        Assert.Contains("Processes [F8:", h.Screen());
        h.Press(Key.F8);
        Assert.Equal(Pane.Buddy, lab.ShownPane);
        string screen = h.Screen();
        Assert.Contains("Buddy: free blocks per order [F8:", screen);
        Assert.Contains("DMA32", screen);
        Assert.DoesNotContain("PID COMMAND", screen);
    }

    [Fact]
    public void F1_ShowsHelpOverlayAndEscClosesIt()
    {
        using var h = new Headless();
        using var lab = new LabScreen(h.App, Box());
        h.Begin(lab);
        h.Press(Key.F1);
        Assert.Contains("complete a command", h.Screen());
        h.Press(Key.Esc);
        Assert.DoesNotContain("complete a command", h.Screen());
        Assert.False(lab.StopRequested);
    }

    [Fact]
    public void CtrlQ_WhileTypingInConsole_AsksTheHostToQuit()
    {
        using var h = new Headless();
        using var lab = new LabScreen(h.App, Box());
        h.Begin(lab);
        h.Type("free");
        h.Press(Key.Q.WithCtrl);
        Assert.Equal(1, h.QuitRequests);
    }

    [Fact]
    public void Resize_80x24To200x60_RedrawsWithEveryPane()
    {
        using var h = new Headless(80, 24);
        using var lab = new LabScreen(h.App, Box());
        h.Begin(lab);
        Assert.DoesNotContain("Kernel log", h.Screen());
        h.Resize(200, 60);
        string screen = h.Screen();
        foreach (string pane in new[] { "Processes", "Buddy: free blocks per order", "Slab caches", "Graph", "Kernel log", "Console" })
            Assert.Contains("┤" + pane + "├", screen);
        Assert.Contains("available", screen);
        Assert.Equal(60, h.Rows().Count(r => r.Length > 0));
    }
}
