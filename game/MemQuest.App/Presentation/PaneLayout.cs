// Where each pane goes for a given size (pure, so it is tested as data). Below 116x30 (inside the window) the screen
// is compact: the memory bar, one information pane that F8 cycles (processes, buddy, slab, graph,
// kernel log) and the console. From there (a 118x33 terminal) every pane is on screen at once, and bigger terminals
// give every pane more rows.
using System.Drawing;

namespace MemQuest.App.Presentation;

public static class PaneLayout
{
    public const int FullWidth = 116;
    public const int FullHeight = 30;

    /// <summary>The panes that cycle in the compact layout, in F8 order.</summary>
    public static IReadOnlyList<Pane> Cycle { get; } = [Pane.Processes, Pane.Buddy, Pane.Slab, Pane.Graph, Pane.KernelLog];

    /// <summary>The incident's cycle: its objectives first.</summary>
    public static IReadOnlyList<Pane> IncidentCycle { get; } = [Pane.Objectives, .. Cycle];

    public static IReadOnlyList<Pane> CycleFor(int objectiveRows) => objectiveRows > 0 ? IncidentCycle : Cycle;

    public static bool IsCompact(int width, int height) => width < FullWidth || height < FullHeight;

    /// <summary>Rectangles for the visible panes in a <paramref name="width"/> x <paramref name="height"/> area;
    /// <paramref name="objectiveRows"/> &gt; 0 adds the incident's objectives (a strip when there is room).</summary>
    public static IReadOnlyDictionary<Pane, Rectangle> Compute(int width, int height, Pane shown, int objectiveRows = 0)
    {
        var panes = new Dictionary<Pane, Rectangle> { [Pane.MemoryBar] = new(0, 0, width, 3) };
        int top = 3;
        IReadOnlyList<Pane> cycle = CycleFor(objectiveRows);
        if (IsCompact(width, height))
        {
            int paneHeight = Math.Min(Math.Clamp((height - top) * 4 / 9, 5, 14), height - top - 3);
            if (paneHeight >= 3)
            {
                panes[cycle.Contains(shown) ? shown : cycle[0]] = new(0, top, width, paneHeight);
                top += paneHeight;
            }
        }
        else
        {
            if (objectiveRows > 0)
            {
                int strip = Math.Min(objectiveRows, 6) + 2;
                panes[Pane.Objectives] = new(0, top, width, strip);
                top += strip;
            }
            int rowHeight = Math.Clamp((height - top) / 3, 6, 18);
            int processWidth = width < 160 ? 48 : width * 2 / 5;
            panes[Pane.Processes] = new(0, top, processWidth, rowHeight);
            panes[Pane.Buddy] = new(processWidth, top, width - processWidth, rowHeight);
            top += rowHeight;
            int third = width / 3;
            panes[Pane.Slab] = new(0, top, third, rowHeight);
            panes[Pane.Graph] = new(third, top, third, rowHeight);
            panes[Pane.KernelLog] = new(2 * third, top, width - 2 * third, rowHeight);
            top += rowHeight;
        }
        panes[Pane.Console] = new(0, top, width, Math.Max(1, height - top));
        return panes;
    }

    /// <summary>The pane after <paramref name="current"/> in the F8 cycle.</summary>
    public static Pane NextInCycle(Pane current, int objectiveRows = 0)
    {
        IReadOnlyList<Pane> cycle = CycleFor(objectiveRows);
        int i = -1;
        for (int k = 0; k < cycle.Count; k++) if (cycle[k] == current) i = k;
        return cycle[(i + 1) % cycle.Count];
    }
}
