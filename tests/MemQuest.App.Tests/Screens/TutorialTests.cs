// The first-run tutorial on the incident screen, driven with keys as a player would: each step
// advances when the player does the thing, Esc ends the guide, and the incident is won at the end.
using MemQuest.App.Presentation;
using MemQuest.App.Screens;
using MemQuest.Scenarios.Play;
using Terminal.Gui.Input;

namespace MemQuest.App.Tests.Screens;

public sealed class TutorialTests
{
    private static (IncidentScreen Screen, TutorialGuide Guide, Session Session) Start(Headless h)
    {
        Session session = TutorialContent.Start();
        var screen = new IncidentScreen(h.App, session);
        h.Begin(screen);
        screen.Clock.Start();
        TutorialGuide guide = IncidentFlow.TutorialFor(screen.Actions);
        screen.StartTutorial(guide);
        h.App.LayoutAndDraw();
        return (screen, guide, session);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(200, 60)]
    public void Keys_DriveTheGuideToTheEnd_AndTheIncidentIsWon(int width, int height)
    {
        using var h = new Headless(width, height);
        var (screen, guide, session) = Start(h);
        using var _ = screen;
        Assert.True(screen.Clock.Paused);
        Assert.False(screen.Clock.Running);
        Assert.Contains("▲ The memory bar", h.Screen());

        h.Type("ps");                                     // a command that is not the step's thing: no advance
        h.Press(Key.Enter);
        Assert.Equal(1, guide.Number);
        h.Press(Key.Enter);                               // empty line: next
        Assert.Contains("Processes", guide.Current!.Title);
        Assert.Contains("pid, RSS", h.Screen());
        Assert.Contains("pktlogd", h.Screen());           // the process pane is on screen (revealed in the compact layout)

        h.Press(Key.Enter);
        Assert.Equal("The console", guide.Current!.Title);
        h.Press(Key.Enter);                               // Enter alone does not do a doing step
        Assert.Equal("The console", guide.Current!.Title);
        h.Type("free -m");
        h.Press(Key.Enter);
        Assert.Equal("The actions menu", guide.Current!.Title);
        Assert.Contains("Swap:", h.Screen());                  // free -m ran on the console

        h.Press(Key.F2);
        Assert.True(screen.ActionsOpen);
        Assert.Equal("Run the fix", guide.Current!.Title);
        Assert.Contains("Guide: pick 'Load pktlog with vmalloc'", h.Screen());
        int fix = screen.Actions.ToList().FindIndex(a => a.Command == "modprobe pktlog buf_alloc=vmalloc");
        for (int i = 0; i < fix; i++) h.Press(Key.CursorDown);
        h.Press(Key.Enter);
        Assert.False(screen.ActionsOpen);
        Assert.Equal("Hints", guide.Current!.Title);

        h.Press(Key.F7);
        Assert.Equal("Objectives", guide.Current!.Title);
        Assert.Contains("[x] pktlog is loaded and holds its ring", h.Screen());
        Assert.Contains("Step 7/7", h.Screen());

        h.Press(Key.Enter);
        Assert.True(guide.Finished);
        Assert.False(screen.TutorialBox.Visible);
        Assert.False(screen.Clock.Paused);
        Assert.True(screen.Clock.Running);
        Assert.DoesNotContain("Step 7/7", h.Screen());
        Assert.Equal(["ps", "free -m", "modprobe pktlog buf_alloc=vmalloc", "hint"], session.Log.Commands.Select(c => c.Line));

        while (session.Status == SessionStatus.Running) screen.Clock.RunBeat(16);
        Assert.Equal(SessionStatus.Won, session.Status);
    }

    [Fact]
    public void Esc_EndsTheGuide_StartsTheClock_AndKeepsTheIncident()
    {
        using var h = new Headless();
        var (screen, guide, session) = Start(h);
        using var _ = screen;
        h.Press(Key.Enter);
        h.Press(Key.Esc);
        Assert.True(guide.Skipped);
        Assert.Null(screen.Guide);
        Assert.False(screen.TutorialBox.Visible);
        Assert.True(screen.Clock.Running);
        Assert.False(screen.StopRequested);
        Assert.Equal(0, h.QuitRequests);
        Assert.Contains("(guide ended", h.Screen());
        Assert.Equal(SessionStatus.Running, session.Status);
    }

    [Fact]
    public void Esc_WithTheActionsMenuOpen_ClosesTheMenuFirst()
    {
        using var h = new Headless(120, 40);
        var (screen, guide, _) = Start(h);
        using var __ = screen;
        h.Press(Key.Enter, Key.Enter);
        h.Type("free -m");
        h.Press(Key.Enter, Key.F2);
        Assert.True(screen.ActionsOpen);
        h.Press(Key.Esc);
        Assert.False(screen.ActionsOpen);
        Assert.True(guide.Active);
        Assert.True(screen.TutorialBox.Visible);
        Assert.Contains("In the menu (F2), pick", h.Screen());
    }

    [Fact]
    public void Tutorial_NothingDone_IsLostAtTheEnd()
    {
        Session session = TutorialContent.Start();
        session.Advance(TutorialContent.Tutorial.EndTick);
        Assert.Equal(SessionStatus.Lost, session.Status);
    }
}
