// The lab: a box of the player's size with every pane and the console. Wiring only: the console's
// lines go to the LabBox, the GameClock advances it, and after each beat the panes get fresh
// presentation models. F5 pause, F6 speed, F8 next pane (compact layout), F1 help, F10 title.
using MemQuest.App.Presentation;
using MemQuest.App.Views;
using MemQuest.Engine;
using MemQuest.Scenarios.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace MemQuest.App.Screens;

public sealed class LabScreen : Window
{
    private readonly LabBox _box;
    private readonly ConsoleModel _console;
    private readonly BoxPanes _panes;
    private readonly HelpOverlay _help;

    public LabScreen(IApplication app, LabBox box, Action? requestQuit = null)
    {
        _box = box;
        RequestQuit = requestQuit ?? (() => App?.RequestStop(this));
        Clock = new GameClock(app, box.Advance);
        long totalKb = Units.K(box.Machine.Node.TotalramPages);
        _console = new ConsoleModel("lab# ", box.Completions);
        _console.Print("A simulated Linux box. 'help' lists commands, Tab completes, F1 shows keys.");
        _panes = new BoxPanes(_console,
        [
            new GraphSeries("MemAvailable", totalKb, Sizes.FromKb),
            new GraphSeries("buff/cache", totalKb, Sizes.FromKb),
            new GraphSeries("free", totalKb, Sizes.FromKb),
        ]);
        _help = new HelpOverlay("Keys", StatusKeys.HelpLines(StatusKeys.Lab));
        foreach (var v in _panes.Views) Add(v);
        Add(new StatusBar(
        [
            new Shortcut(Key.F1, "Help", ToggleHelp, ""),
            new Shortcut(Key.F5, "Pause", Clock.TogglePause, ""),
            new Shortcut(Key.F6, "Speed", Clock.CycleSpeed, ""),
            new Shortcut(Key.F8, "Pane", NextPane, ""),
            new Shortcut(Key.F10, "Title", () => App?.RequestStop(this), ""),
            new Shortcut(Key.Q.WithCtrl, "Quit", () => RequestQuit(), ""),
        ]));
        Add(_help);
        KeyDown += (_, k) =>
        {
            if (k == Key.Esc && _help.Visible) { ToggleHelp(); k.Handled = true; }
        };
        Console.LineEntered += OnLine;
        _panes.Processes.PidChosen += pid => Console.Insert(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Clock.Beat += Refresh;
        Clock.Changed += Refresh;
        FrameChanged += (_, _) => ScreenEdges.Apply(this, Frame.Width);
        ViewportChanged += (_, _) => Relayout();
        IsRunningChanged += (_, _) => Console.Input.SetFocus();
        Title = $"MemQuest lab · {Sizes.FromKb(box.Machine.Spec.MemTotalKb)} RAM · {box.Machine.Spec.Cpus} CPUs";
        Refresh();
        Console.Input.SetFocus();
    }

    public GameClock Clock { get; }

    /// <summary>Ctrl+Q: the host quits the game (the lab keeps nothing to confirm).</summary>
    public Action RequestQuit { get; }

    public ConsoleView Console => _panes.Console;
    public Pane ShownPane => _panes.Shown;

    /// <summary>Read the box and hand every pane its model.</summary>
    public void Refresh()
    {
        BoxSnapshot s = _box.Snapshot();
        _panes.Show(s, [s.Memory.AvailableKb, s.Memory.BuffCacheKb, s.Memory.FreeKb], Status());
    }

    public void NextPane()
    {
        _panes.NextPane();
        Refresh();
    }

    public void ToggleHelp()
    {
        _help.Visible = !_help.Visible;
        SetNeedsDraw();
    }

    private void OnLine(string line)
    {
        string trimmed = line.Trim();
        if (trimmed is "exit" or "logout") { App?.RequestStop(this); return; }
        if (trimmed == "clear") { _console.Clear(); Console.Refresh(); return; }
        if (trimmed.Length == 0) { _console.Record(line, ""); Console.Refresh(); return; }
        ShellResult r = _box.Submit(trimmed);
        _console.Record(trimmed, r.Output + (r.ErrorMessage is null ? "" : r.ErrorMessage + "\n"));
        Console.Refresh();
        Refresh();
    }

    /// <summary>"00:00:03.2 · x1" (simulated time since boot, speed) on the memory bar's legend row.</summary>
    private string Status() => $"{BoxSnapshot.Clock(_box.Machine.Tick)} · {Clock.Describe()}";

    private void Relayout()
    {
        _panes.Relayout(Viewport.Width, Viewport.Height - 1, Frame.Width);
        Refresh();
    }
}
