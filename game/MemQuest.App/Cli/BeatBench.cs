// `memquest bench` TUI line: the cost of one beat of the game clock (advance the box by 16 ticks at
// x16, then lay out and draw every pane) on the lab screen at 200x60, drawn into Terminal.Gui's
// off-screen buffer (no terminal I/O). Median and 95th percentile over many beats, in steady state
// and, separately, over the first beats of a session, while the JIT is still compiling hot code.
using System.Diagnostics;
using MemQuest.App.Screens;
using MemQuest.Engine;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace MemQuest.App.Cli;

public static class BeatBench
{
    public sealed record Result(double MedianMs, double P95Ms, double FullRedrawMedianMs, double WarmupP95Ms);

    /// <summary>Beats measured as the first of a session: ten seconds of play at 10 beats a second.</summary>
    public const int WarmupBeats = 100;

    public static Result Measure(int beats = 300)
    {
        // The bench has no terminal to draw on: the driver renders into its buffer only (stack.md §2).
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
        using IApplication app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(200, 60);
        using var lab = new LabScreen(app, new LabBox(MachineSpec.Default, 1));
        SessionToken token = app.Begin(lab)!;
        app.LayoutAndDraw();
        double[] warmup = Enumerable.Range(0, WarmupBeats).Select(_ => Beat(app, lab, force: false)).Order().ToArray();
        double[] normal = Enumerable.Range(0, beats).Select(_ => Beat(app, lab, force: false)).Order().ToArray();
        double[] full = Enumerable.Range(0, beats / 3).Select(_ => Beat(app, lab, force: true)).Order().ToArray();
        app.End(token);
        return new Result(normal[normal.Length / 2], normal[normal.Length * 95 / 100], full[full.Length / 2], warmup[warmup.Length * 95 / 100]);
    }

    private static double Beat(IApplication app, LabScreen lab, bool force)
    {
        long start = Stopwatch.GetTimestamp();
        lab.Clock.RunBeat(16);
        app.LayoutAndDraw(force);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
