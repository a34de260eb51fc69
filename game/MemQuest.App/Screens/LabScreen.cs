// The lab: a box of the player's size with every pane and the console. Wiring only: the console's
// lines go to the LabBox, the GameClock advances it, and after each beat the panes get fresh
// presentation models. F5 pause, F6 speed, F8 next pane (compact layout), F1 help, F10 title.
using MemQuest.App.Presentation;
using MemQuest.App.Views;
using MemQuest.Engine;
using MemQuest.Scenarios.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MemQuest.App.Screens;

public sealed class LabScreen : Window
{
    private readonly LabBox _box;
    private readonly ConsoleModel _console;
    private readonly GraphModel _graph;
    private readonly Dictionary<Pane, View> _panes;
    private readonly MemoryBarView _memory = new();
    private readonly ProcessTableView _processes = new();
    private readonly TextPane _buddy = new("Buddy: free blocks per order");
    private readonly TextPane _slab = new("Slab caches") { EmptyText = "(no slab caches on this box)" };
    private readonly TextPane _log = new("Kernel log") { FollowTail = true, EmptyText = "(no kernel messages)" };
    private readonly LiveGraphView _graphView;
    private readonly ConsoleView _consoleView;
    private readonly HelpOverlay _help;
    private Pane _shown = Pane.Processes;

    public LabScreen(IApplication app, LabBox box, Action? requestQuit = null)
    {
        _box = box;
        RequestQuit = requestQuit ?? (() => App?.RequestStop(this));
        Clock = new GameClock(app, box.Advance);
        long total = box.Machine.Node.TotalramPages * 4;
        _graph = new GraphModel(
        [
            new GraphSeries("MemAvailable", total, Sizes.FromKb),
            new GraphSeries("buff/cache", total, Sizes.FromKb),
            new GraphSeries("free", total, Sizes.FromKb),
        ]);
        _graphView = new LiveGraphView(_graph);
        _console = new ConsoleModel("lab# ", box.Completions);
        _console.Print("A simulated Linux box. Type 'help' for commands; Tab completes; F1 shows the keys.");
        _consoleView = new ConsoleView(_console);
        _help = new HelpOverlay("Keys", StatusKeys.HelpLines(StatusKeys.Lab));
        _panes = new()
        {
            [Pane.MemoryBar] = _memory, [Pane.Processes] = _processes, [Pane.Buddy] = _buddy, [Pane.Slab] = _slab,
            [Pane.Graph] = _graphView, [Pane.KernelLog] = _log, [Pane.Console] = _consoleView,
        };
        Add(_consoleView);
        foreach (View v in _panes.Values.Where(v => v != _consoleView)) Add(v);
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
        _consoleView.LineEntered += OnLine;
        _processes.PidChosen += pid => _consoleView.Insert(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Clock.Beat += Refresh;
        Clock.Changed += UpdateTitle;
        ViewportChanged += (_, _) => Relayout();
        IsRunningChanged += (_, _) => _consoleView.Input.SetFocus();
        Refresh();
        _consoleView.Input.SetFocus();
    }

    public GameClock Clock { get; }

    /// <summary>Ctrl+Q: the host quits the game (the lab keeps nothing to confirm).</summary>
    public Action RequestQuit { get; }
    public ConsoleView Console => _consoleView;
    public Pane ShownPane => _shown;

    /// <summary>Read the box and hand every pane its model.</summary>
    public void Refresh()
    {
        BoxSnapshot s = _box.Snapshot();
        _memory.Model = s.Memory;
        _buddy.SetLines(s.Buddy.Lines(Math.Max(20, _buddy.Viewport.Width)));
        _processes.SetRows(s.Processes);
        _slab.SetLines(s.Slab.Count == 0 ? [] : SlabTopRows.Lines(SlabTopRows.Top(s.Slab, 20)));
        _log.SetLines(s.KernelLog);
        if (_graph.Count == 0 || _graph.Last(1)[0].Tick < s.Tick)
            _graph.Add(new GraphSample(s.Tick, [s.Memory.AvailableKb, s.Memory.BuffCacheKb, s.Memory.FreeKb]));
        _graphView.Refresh();
        UpdateTitle();
    }

    public void NextPane()
    {
        _shown = PaneLayout.NextInCycle(_shown);
        Relayout();
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
        if (trimmed == "clear") { _console.Clear(); _consoleView.Refresh(); return; }
        if (trimmed.Length == 0) { _console.Record(line, ""); _consoleView.Refresh(); return; }
        ShellResult r = _box.Submit(trimmed);
        _console.Record(trimmed, r.Output + (r.ErrorMessage is null ? "" : r.ErrorMessage + "\n"));
        _consoleView.Refresh();
        Refresh();
    }

    private void UpdateTitle()
    {
        MachineSpec spec = _box.Machine.Spec;
        Title = $"MemQuest lab · {Sizes.FromKb(spec.MemTotalKb)} RAM · {spec.Cpus} CPUs · {BoxSnapshot.Clock(_box.Machine.Tick)} · {Clock.Describe()}";
    }

    private void Relayout()
    {
        int width = Viewport.Width, height = Viewport.Height - 1;
        if (width <= 0 || height <= 0) return;
        IReadOnlyDictionary<Pane, System.Drawing.Rectangle> layout = PaneLayout.Compute(width, height, _shown);
        bool compact = PaneLayout.IsCompact(width, height);
        foreach (var (pane, view) in _panes)
        {
            if (!layout.TryGetValue(pane, out var r)) { view.Visible = false; continue; }
            view.Visible = true;
            (view.X, view.Y, view.Width, view.Height) = (r.X, r.Y, r.Width, r.Height);
            if (compact && PaneLayout.Cycle.Contains(pane)) view.Title = CycleTitle(pane);
        }
        if (!compact) RestoreTitles();
        Refresh();
    }

    private string CycleTitle(Pane pane) =>
        $"{BaseTitle(pane)} [F8: {string.Join(" ", PaneLayout.Cycle.Where(p => p != pane).Select(ShortName))}]";

    private void RestoreTitles()
    {
        foreach (Pane p in PaneLayout.Cycle) _panes[p].Title = BaseTitle(p);
    }

    private static string BaseTitle(Pane p) => p switch
    {
        Pane.Processes => "Processes",
        Pane.Buddy => "Buddy: free blocks per order",
        Pane.Slab => "Slab caches",
        Pane.Graph => "Graph",
        _ => "Kernel log",
    };

    private static string ShortName(Pane p) => p switch
    {
        Pane.Processes => "procs",
        Pane.Buddy => "buddy",
        Pane.Slab => "slab",
        Pane.Graph => "graph",
        _ => "log",
    };
}
