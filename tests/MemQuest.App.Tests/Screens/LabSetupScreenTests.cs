using MemQuest.App.Screens;
using Terminal.Gui.Input;

namespace MemQuest.App.Tests.Screens;

public sealed class LabSetupScreenTests
{
    [Fact]
    public void Start_Defaults_Chooses4GiBTwoCpus()
    {
        using var h = new Headless();
        using var setup = new LabSetupScreen();
        h.Begin(setup);
        Assert.Contains("RAM (MemTotal)", h.Screen());
        h.Press(Key.Enter);
        Assert.Equal(4L << 30, setup.Chosen!.MemBytes);
        Assert.Equal(2, setup.Chosen.Cpus);
        Assert.True(setup.StopRequested);
    }

    [Fact]
    public void Start_BadSize_ShowsWhyAndStaysOpen()
    {
        using var h = new Headless();
        using var setup = new LabSetupScreen();
        h.Begin(setup);
        setup.SetValues("lots", "2", "0");
        setup.Start();
        Assert.Null(setup.Chosen);
        Assert.Contains("RAM 'lots' is not a size", h.Screen());
        Assert.False(setup.StopRequested);
    }

    [Fact]
    public void Esc_Cancels()
    {
        using var h = new Headless();
        using var setup = new LabSetupScreen();
        h.Begin(setup);
        h.Press(Key.Esc);
        Assert.Null(setup.Chosen);
        Assert.True(setup.StopRequested);
    }
}
