using MemQuest.App.Presentation;
using MemQuest.App.Screens;
using Terminal.Gui.Input;

namespace MemQuest.App.Tests.Screens;

public sealed class TitleScreenTests
{
    [Fact]
    public void Enter_LabSelected_RaisesLab()
    {
        using var h = new Headless();
        using var title = new TitleScreen(TitleMenu.For("No incidents are installed.", null, false));
        var chosen = new List<TitleChoice>();
        title.Chosen += chosen.Add;
        h.Begin(title);
        Assert.Contains("Lab: a box of your size", h.Screen());
        h.Press(Key.Enter);
        Assert.Equal([TitleChoice.Lab], chosen);
    }

    [Fact]
    public void Enter_CampaignUnavailable_ExplainsInsteadOfOpening()
    {
        using var h = new Headless();
        using var title = new TitleScreen(TitleMenu.For("No incidents are installed.", null, false));
        var chosen = new List<TitleChoice>();
        title.Chosen += chosen.Add;
        h.Begin(title);
        h.Press(Key.CursorUp, Key.Enter);
        Assert.Empty(chosen);
        Assert.Contains("No incidents are installed", h.Screen());
    }

    [Fact]
    public void Esc_OnTitle_DoesNotQuitButCtrlQDoes()
    {
        using var h = new Headless();
        using var title = new TitleScreen(TitleMenu.For("No incidents are installed.", null, false));
        h.Begin(title);
        h.Press(Key.Esc);
        Assert.False(title.StopRequested);
        Assert.Equal(0, h.QuitRequests);
        h.Press(Key.Q.WithCtrl);
        Assert.Equal(1, h.QuitRequests);
    }

    [Fact]
    public void Screen_80x24_ShowsMenuAndStatusBarKeys()
    {
        using var h = new Headless(80, 24);
        using var title = new TitleScreen(TitleMenu.For("No incidents are installed.", null, false));
        h.Begin(title);
        string[] rows = h.Rows();
        Assert.StartsWith("┌┤MemQuest├", rows[0]);
        Assert.Equal(24, rows.Count(r => r.Length > 0));
        Assert.Contains("Ctrl+Q  Quit", rows[22]);
        foreach (string item in new[] { "Continue", "Campaign", "Lab", "Settings", "Quit" })
            Assert.Contains(item, h.Screen());
    }

    [Fact]
    public void ShowLoaded_NoContentAfterAll_MovesTheUntouchedSelectionToTheFirstUsableEntry()
    {
        // The first frame shows the menu before the content has loaded (Campaign offered); when the load
        // finds nothing, Enter must not land on an entry that only explains itself.
        using var h = new Headless();
        using var title = new TitleScreen(TitleMenu.For(null, null, false, tutorialUnavailable: null));
        var chosen = new List<TitleChoice>();
        title.Chosen += chosen.Add;
        h.Begin(title);
        title.ShowLoaded(TitleMenu.For("No incidents are installed.", null, false));
        h.Press(Key.Enter);
        Assert.Equal([TitleChoice.Lab], chosen);
    }

    [Fact]
    public void ShowLoaded_PlayerAlreadyMoved_KeepsTheirEntry()
    {
        using var h = new Headless();
        using var title = new TitleScreen(TitleMenu.For(null, null, false, tutorialUnavailable: null));
        var chosen = new List<TitleChoice>();
        title.Chosen += chosen.Add;
        h.Begin(title);
        h.Press(Key.CursorDown, Key.CursorDown);            // Campaign -> Lab -> Tutorial
        title.ShowLoaded(TitleMenu.For(null, "010 03:12 page", false, tutorialUnavailable: null));
        h.Press(Key.Enter);
        Assert.Equal([TitleChoice.Tutorial], chosen);
    }
}
