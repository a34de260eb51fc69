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
}
