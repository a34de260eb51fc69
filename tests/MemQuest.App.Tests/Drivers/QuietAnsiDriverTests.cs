using MemQuest.App.Drivers;
using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace MemQuest.App.Tests.Drivers;

public sealed class QuietAnsiDriverTests
{
    [Fact]
    public void Create_ThisTerminalGui_TakesTheQuietFactory()
    {
        // The idle-CPU fix reaches Terminal.Gui's internal ApplicationImpl(IComponentFactory); a version
        // without it would silently fall back to the 20 ms input polling, so say so here.
        Assert.True(QuietAnsiDriver.Available);
    }

    [Fact]
    public void Create_Headless_InitsAndRunsAWindow()
    {
        using IApplication app = QuietAnsiDriver.Create();
        app.Init();
        app.Driver!.SetScreenSize(40, 10);
        using var w = new Window { Title = "quiet" };
        SessionToken token = app.Begin(w)!;
        app.LayoutAndDraw();
        Assert.StartsWith("┌┤quiet├", app.Driver.ToString()!);
        app.End(token);
    }
}
