// The panes every box screen shows (memory bar, processes, buddy orders, slab, live graph, kernel
// log, console, and for incidents the objectives), laid out by PaneLayout for the window's size.
// The lab and incident screens own one each and only feed it models.
using MemQuest.App.Presentation;
using Terminal.Gui.ViewBase;

namespace MemQuest.App.Views;

public sealed class BoxPanes
{
    private readonly Dictionary<Pane, View> _panes;
    private readonly MemoryBarView _memory = new();
    private readonly TextPane _buddy = new(TitleOf(Pane.Buddy));
    private readonly TextPane _slab = new(TitleOf(Pane.Slab)) { EmptyText = "(no slab caches on this box)" };
    private readonly TextPane _log = new(TitleOf(Pane.KernelLog)) { FollowTail = true, EmptyText = "(no kernel messages)" };
    private readonly TextPane _objectives = new(TitleOf(Pane.Objectives)) { Wrap = true };
    private readonly GraphModel _graph;
    private readonly LiveGraphView _graphView;
    private int _objectiveRows;
    private (int Width, int Height) _size;
    private int _screenColumns = ScreenEdges.SideBordersFromColumns;

    public BoxPanes(ConsoleModel console, IReadOnlyList<GraphSeries> series, int objectiveRows = 0)
    {
        _objectiveRows = objectiveRows;
        _graph = new GraphModel(series);
        _graphView = new LiveGraphView(_graph);
        Console = new ConsoleView(console);
        Shown = PaneLayout.CycleFor(objectiveRows)[0];
        _panes = new()
        {
            [Pane.Console] = Console, [Pane.MemoryBar] = _memory, [Pane.Processes] = Processes, [Pane.Buddy] = _buddy,
            [Pane.Slab] = _slab, [Pane.Graph] = _graphView, [Pane.KernelLog] = _log,
        };
        if (objectiveRows > 0) _panes[Pane.Objectives] = _objectives;
    }

    public ConsoleView Console { get; }
    public ProcessTableView Processes { get; } = new();
    public Pane Shown { get; private set; }

    /// <summary>The views to add to the screen (the console first, so it has the focus).</summary>
    public IEnumerable<View> Views => _panes.Values;

    /// <summary>Hand every pane its model; the graph gets a sample when simulated time moved.
    /// <paramref name="status"/> (box, clock, speed) goes on the memory bar's legend row.</summary>
    public void Show(BoxSnapshot s, IReadOnlyList<long> graphValues, string status, IReadOnlyList<string>? objectives = null)
    {
        _memory.Model = s.Memory;
        _memory.Status = status;
        _buddy.SetLines(s.Buddy.Lines(Math.Max(20, _buddy.Viewport.Width)));
        Processes.SetRows(s.Processes);
        _slab.SetLines(s.Slab.Count == 0 ? [] : SlabTopRows.Lines(SlabTopRows.Top(s.Slab, 20)));
        _log.SetLines(s.KernelLog);
        if (objectives is not null) _objectives.SetLines(objectives);
        if (_graph.Count == 0 || _graph.Last(1)[0].Tick < s.Tick) _graph.Add(new GraphSample(s.Tick, graphValues));
        _graphView.Refresh();
    }

    /// <summary>Bring <paramref name="pane"/> on screen in the compact layout (the tutorial points at it).</summary>
    public void Reveal(Pane pane)
    {
        if (Shown == pane || !PaneLayout.CycleFor(_objectiveRows).Contains(pane)) return;
        Shown = pane;
        Relayout(_size.Width, _size.Height, _screenColumns);
    }

    /// <summary>Where <paramref name="pane"/> is in the window now (empty when it is not on screen).</summary>
    public System.Drawing.Rectangle FrameOf(Pane pane) =>
        _size.Width > 0 && _size.Height > 0 && PaneLayout.Compute(_size.Width, _size.Height, Shown, _objectiveRows).TryGetValue(pane, out var r) ? r : default;

    /// <summary>F8: the next information pane (compact layout).</summary>
    public void NextPane()
    {
        Shown = PaneLayout.NextInCycle(Shown, _objectiveRows);
        Relayout(_size.Width, _size.Height, _screenColumns);
    }

    /// <summary>Place the panes in a <paramref name="width"/> x <paramref name="height"/> area of a screen
    /// <paramref name="screenColumns"/> wide (narrow screens: the console has no side borders, ScreenEdges).</summary>
    public void Relayout(int width, int height, int screenColumns)
    {
        _screenColumns = screenColumns;
        ScreenEdges.Apply(Console, screenColumns);
        _size = (width, height);
        if (width <= 0 || height <= 0) return;
        var layout = PaneLayout.Compute(width, height, Shown, _objectiveRows);
        bool compact = PaneLayout.IsCompact(width, height);
        IReadOnlyList<Pane> cycle = PaneLayout.CycleFor(_objectiveRows);
        foreach (var (pane, view) in _panes)
        {
            if (!layout.TryGetValue(pane, out var r)) { view.Visible = false; continue; }
            view.Visible = true;
            (view.X, view.Y, view.Width, view.Height) = (r.X, r.Y, r.Width, r.Height);
            if (pane != Pane.Console && pane != Pane.MemoryBar)
                view.Title = compact && cycle.Contains(pane)
                    ? $"{TitleOf(pane)} [F8: {string.Join(" ", cycle.Where(p => p != pane).Select(ShortName))}]"
                    : TitleOf(pane);
        }
    }

    private static string TitleOf(Pane p) => p switch
    {
        Pane.Processes => "Processes",
        Pane.Buddy => "Buddy: free blocks per order",
        Pane.Slab => "Slab caches",
        Pane.Graph => "Graph",
        Pane.Objectives => "Objectives",
        _ => "Kernel log",
    };

    private static string ShortName(Pane p) => p switch
    {
        Pane.Processes => "procs",
        Pane.Buddy => "buddy",
        Pane.Slab => "slab",
        Pane.Graph => "graph",
        Pane.Objectives => "goals",
        _ => "log",
    };
}
