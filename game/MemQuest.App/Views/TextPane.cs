// A bordered pane that draws lines of text from a presentation model (buddy orders, slab, kernel
// log). With FollowTail the newest lines stay in view, as in a log.
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace MemQuest.App.Views;

public sealed class TextPane : View
{
    private IReadOnlyList<string> _lines = [];

    public TextPane(string title)
    {
        Title = title;
        BorderStyle = LineStyle.Single;
        CanFocus = false;
    }

    public bool FollowTail { get; init; }

    /// <summary>Lines shown when there is nothing to draw, e.g. "(no kernel messages)".</summary>
    public string EmptyText { get; init; } = "";

    public void SetLines(IReadOnlyList<string> lines)
    {
        if (_lines.SequenceEqual(lines)) return;
        _lines = lines.ToList();
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        SetAttribute(Theme.Text);
        IReadOnlyList<string> lines = _lines.Count == 0 && EmptyText.Length > 0 ? [EmptyText] : _lines;
        int rows = Viewport.Height, width = Viewport.Width;
        int first = FollowTail ? Math.Max(0, lines.Count - rows) : 0;
        for (int y = 0; y < rows && first + y < lines.Count; y++)
        {
            string line = lines[first + y];
            AddStr(0, y, line.Length > width ? line[..width] : line);
        }
        return true;
    }
}
