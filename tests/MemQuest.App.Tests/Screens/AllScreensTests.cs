// Every screen opens and lays out at the smallest supported size and at a large one.
using MemQuest.App.Presentation;
using MemQuest.App.Screens;
using MemQuest.Engine;
using Terminal.Gui.App;

namespace MemQuest.App.Tests.Screens;

public sealed class AllScreensTests
{
    public static TheoryData<string, int, int> Cases()
    {
        var data = new TheoryData<string, int, int>();
        foreach (string screen in new[] { "title", "lab-setup", "lab", "campaign", "briefing", "incident" })
        {
            data.Add(screen, 80, 24);
            data.Add(screen, 200, 60);
        }
        return data;
    }

    private static (IRunnable Screen, string Expect) Open(string name, IApplication app) => name switch
    {
        "title" => (new TitleScreen(TitleMenu.For("No incidents are installed.", null, false)), "Lab: a box of your size"),
        "lab-setup" => (new LabSetupScreen(), "RAM (MemTotal)"),
        "campaign" => (new CampaignScreen(() => CampaignRows.From(TestIncident.Catalog.Scenarios, new CampaignProgress(), _ => null), new CampaignProgress()), "010 09:40"),
        "briefing" => (new BriefingScreen(TestIncident.Netcap), "Objectives:"),
        "incident" => (new IncidentScreen(app, TestIncident.Start()), "root#"),
        _ => (new LabScreen(app, new LabBox(new MachineSpec(128 * 1024), 1)), "lab#"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Screen_AtSize_RendersItsContentInsideTheTerminal(string name, int width, int height)
    {
        using var h = new Headless(width, height);
        var (screen, expect) = Open(name, h.App);
        h.Begin(screen);
        string[] rows = h.Rows().Where(r => r.Length > 0).ToArray();
        Assert.Equal(height, rows.Length);
        Assert.All(rows, r => Assert.True(r.Length <= width, $"row wider than {width}: {r}"));
        Assert.Contains(expect, h.Screen());
        ((IDisposable)screen).Dispose();
    }
}
