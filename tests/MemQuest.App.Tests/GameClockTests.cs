using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace MemQuest.App.Tests;

public sealed class GameClockTests
{
    private static (GameClock Clock, List<int> Advanced, Func<long> Now, Action<long> Set) Make(IApplication app)
    {
        long now = 0;
        var advanced = new List<int>();
        var clock = new GameClock(app, advanced.Add, () => now);
        return (clock, advanced, () => now, v => now = v);
    }

    [Fact]
    public void OnTimer_WallTimeElapsed_AdvancesTheDueTicksTimesSpeed()
    {
        using IApplication app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        var (clock, advanced, _, set) = Make(app);
        clock.Start();
        set(250);
        clock.OnTimer();
        clock.CycleSpeed();
        set(350);
        clock.OnTimer();
        Assert.Equal([2, 4], advanced);   // 250 ms at x1 = 2 ticks (50 ms carried); then 50 + 100 x 4 = 450 ms = 4 ticks
        clock.Stop();
    }

    [Fact]
    public void OnTimer_Paused_NeverAdvancesAndDoesNotCatchUpLater()
    {
        using IApplication app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        var (clock, advanced, _, set) = Make(app);
        int beats = 0;
        clock.Beat += () => beats++;
        clock.Start();
        clock.TogglePause();
        set(5000);
        clock.OnTimer();
        clock.TogglePause();
        set(5100);
        clock.OnTimer();
        Assert.Equal([1], advanced);
        Assert.Equal(1, beats);
    }

    [Fact]
    public void OnTimer_LongStall_CatchesUpAtMostFiveBeats()
    {
        using IApplication app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        var (clock, advanced, _, set) = Make(app);
        clock.Start();
        set(60_000);
        clock.OnTimer();
        Assert.Equal([5], advanced);
    }

    [Fact]
    public void CycleSpeed_ThreeTimes_GoesX4X16BackToX1()
    {
        using IApplication app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        var (clock, _, _, _) = Make(app);
        var seen = new List<string>();
        for (int i = 0; i < 3; i++) { clock.CycleSpeed(); seen.Add(clock.Describe()); }
        Assert.Equal(["x4", "x16", "x1"], seen);
    }

    [Fact]
    public void Pause_RemovesTheTimer_ResumeAddsItBack()
    {
        using IApplication app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        var (clock, _, _, _) = Make(app);
        clock.Start();
        Assert.True(clock.Running);
        clock.TogglePause();
        Assert.False(clock.Running);                 // a paused box wakes nothing up (idle CPU)
        clock.SetPaused(false);
        Assert.True(clock.Running);
        clock.Stop();
        clock.SetPaused(true);
        clock.SetPaused(false);
        Assert.False(clock.Running);                 // resuming a stopped clock does not start it
    }

    [Fact]
    public void OnTimer_StopDuringTheBeat_EndsTheTimer()
    {
        // Terminal.Gui re-adds a timeout whose callback returns true even when the callback removed it,
        // so a beat that ends the incident (Stop inside the beat) must answer false.
        using IApplication app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        var (clock, _, _, set) = Make(app);
        clock.Beat += clock.Stop;
        clock.Start();
        set(100);
        Assert.False(clock.OnTimer());
        Assert.False(clock.Running);
        clock.Beat -= clock.Stop;
        clock.Start();
        set(200);
        Assert.True(clock.OnTimer());
    }
}
