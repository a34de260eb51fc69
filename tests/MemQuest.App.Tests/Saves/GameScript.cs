// Drives the whole game (GameHost.RunOn, with its nested screens) headlessly (stack.md §2): the
// host runs its real main loop on a virtual screen, and on every loop iteration the script checks
// the screen and, when the next step's condition holds, presses its keys. A script that stalls
// (its condition never holds) fails with the screen it was waiting on, after quitting the game.
using System.Diagnostics;
using MemQuest.App.Screens;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace MemQuest.App.Tests.Saves;

internal sealed class GameScript
{
    private readonly List<(string Waiting, Func<IApplication, bool> Ready, Action<IApplication> Act)> _steps = [];
    private string? _stalled;

    public GameScript When(string text, params Key[] keys) =>
        When($"'{text}' on screen", app => Screen(app).Contains(text, StringComparison.Ordinal), app => Press(app, keys));

    public GameScript When(string waiting, Func<IApplication, bool> ready, Action<IApplication> act)
    {
        _steps.Add((waiting, ready, act));
        return this;
    }

    /// <summary>When <paramref name="text"/> shows, type <paramref name="line"/> and press Enter.</summary>
    public GameScript Type(string text, string line) =>
        When($"'{text}' on screen", app => Screen(app).Contains(text, StringComparison.Ordinal), app => { TypeText(app, line); app.InjectKey(Key.Enter); });

    /// <summary>When the incident screen is up, run <paramref name="act"/> on it.</summary>
    public GameScript OnIncident(Action<IncidentScreen> act) =>
        When("the incident screen", app => app.TopRunnable is IncidentScreen, app => act((IncidentScreen)app.TopRunnable!));

    /// <summary>Runs the game on a headless 80x24 (or given) screen until it quits; returns the last screen seen.</summary>
    public string Run(GameOptions options, int width = 80, int height = 24, TimeProvider? clock = null)
    {
        using IApplication app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(width, height);
        int next = 0;
        var watch = Stopwatch.StartNew();
        string last = "";
        app.Iteration += (_, _) =>
        {
            last = Screen(app);
            if (_stalled is not null || watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                _stalled ??= $"stalled waiting for {(next < _steps.Count ? _steps[next].Waiting : "the game to quit")}; the screen was:\n{last}";
                QuitEverything(app);
                return;
            }
            if (next < _steps.Count && _steps[next].Ready(app))
            {
                _steps[next++].Act(app);
                last = Screen(app);
            }
        };
        new GameHost(options, clock).RunOn(app);
        Assert.True(_stalled is null, _stalled);
        Assert.True(next == _steps.Count, $"the game quit before step {next + 1} ({(next < _steps.Count ? _steps[next].Waiting : "")}); the screen was:\n{last}");
        return last;
    }

    public static string Screen(IApplication app)
    {
        app.LayoutAndDraw();
        return app.Driver!.ToString()!;
    }

    private static void Press(IApplication app, Key[] keys)
    {
        foreach (Key k in keys) app.InjectKey(k);
    }

    private static void TypeText(IApplication app, string text)
    {
        foreach (char c in text)
            app.InjectKey(c switch
            {
                ' ' => Key.Space,
                >= 'a' and <= 'z' => new Key((KeyCode)char.ToUpperInvariant(c)),
                >= 'A' and <= 'Z' => new Key((KeyCode)c).WithShift,
                _ => new Key(c),
            });
    }

    /// <summary>Leave whatever is open: Ctrl+Q (and Y when the incident asks first).</summary>
    private static void QuitEverything(IApplication app)
    {
        if (app.TopRunnable is IncidentScreen { Asking: true }) app.InjectKey(Key.Y);
        else app.InjectKey(Key.Q.WithCtrl);
    }
}
