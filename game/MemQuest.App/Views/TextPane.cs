// A bordered pane that draws lines of text from a presentation model (buddy orders, slab, kernel
// log, the debrief). With FollowTail the newest lines stay in view, as in a log; with Scrollable
// the pane takes the focus and scrolls with Up/Down, PgUp/PgDn, Home/End and the mouse wheel; with
// Wrap long lines continue on the next row; with Reflow each line is prose (TextReflow) rewrapped at
// word boundaries to the pane's width.
using MemQuest.App.Presentation;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace MemQuest.App.Views;

public sealed class TextPane : View
{
    private IReadOnlyList<string> _lines = [];
    private int _top;

    public TextPane(string title, bool scrollable = false)
    {
        Title = title;
        BorderStyle = LineStyle.Single;
        CanFocus = scrollable;
        if (!scrollable) return;
        KeyDown += (_, k) =>
        {
            int page = Math.Max(1, Viewport.Height - 1);
            int? delta = k == Key.CursorDown ? 1 : k == Key.CursorUp ? -1 : k == Key.PageDown ? page : k == Key.PageUp ? -page
                : k == Key.Home ? -int.MaxValue / 2 : k == Key.End ? int.MaxValue / 2 : null;
            if (delta is not int d) return;
            ScrollBy(d);
            k.Handled = true;
        };
        MouseEvent += (_, m) =>
        {
            if (m.Flags.HasFlag(MouseFlags.WheeledDown)) ScrollBy(3);
            else if (m.Flags.HasFlag(MouseFlags.WheeledUp)) ScrollBy(-3);
            else return;
            m.Handled = true;
        };
    }

    public bool FollowTail { get; init; }
    public bool Wrap { get; init; }
    public bool Reflow { get; init; }

    /// <summary>Lines shown when there is nothing to draw, e.g. "(no kernel messages)".</summary>
    public string EmptyText { get; init; } = "";

    public int TopRow => _top;

    public void SetLines(IReadOnlyList<string> lines)
    {
        if (_lines.SequenceEqual(lines)) return;
        _lines = lines.ToList();
        SetNeedsDraw();
    }

    public void ScrollBy(int rows)
    {
        int max = Math.Max(0, Rows(Viewport.Width).Count - Viewport.Height);
        _top = (int)Math.Clamp((long)_top + rows, 0, max);
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        SetAttribute(Theme.Text);
        int height = Viewport.Height, width = Viewport.Width;
        IReadOnlyList<string> rows = Rows(width);
        int first = FollowTail ? Math.Max(0, rows.Count - height) : Math.Min(_top, Math.Max(0, rows.Count - 1));
        for (int y = 0; y < height && first + y < rows.Count; y++)
        {
            string line = rows[first + y];
            AddStr(0, y, line.Length > width ? line[..width] : line);
        }
        return true;
    }

    private IReadOnlyList<string> Rows(int width)
    {
        IReadOnlyList<string> lines = _lines.Count == 0 && EmptyText.Length > 0 ? [EmptyText] : _lines;
        if (Reflow && width > 0) return lines.SelectMany(l => l.Length == 0 ? [""] : TextReflow.Reflow(l, width)).ToList();
        if (!Wrap || width <= 0) return lines;
        var rows = new List<string>();
        foreach (string l in lines)
        {
            if (l.Length <= width) { rows.Add(l); continue; }
            for (int i = 0; i < l.Length; i += width) rows.Add(l.Substring(i, Math.Min(width, l.Length - i)));
        }
        return rows;
    }
}
