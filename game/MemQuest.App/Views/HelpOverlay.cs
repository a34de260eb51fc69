// The help overlay (F1): the screen's keys and the console's, drawn over the panes; F1 or Esc closes it.
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace MemQuest.App.Views;

public sealed class HelpOverlay : View
{
    private readonly IReadOnlyList<string> _lines;

    public HelpOverlay(string title, IReadOnlyList<string> lines)
    {
        _lines = lines;
        Title = title;
        BorderStyle = LineStyle.Double;
        Width = Math.Min(76, lines.Max(l => l.Length) + 4);
        Height = lines.Count + 4;
        X = Pos.Center();
        Y = Pos.Center();
        Visible = false;
        CanFocus = false;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        SetAttribute(Theme.Heading);
        FillRect(Viewport, (System.Text.Rune)' ');
        for (int y = 0; y < _lines.Count && y + 1 < Viewport.Height; y++)
            AddStr(1, y + 1, _lines[y].Length > Viewport.Width - 2 ? _lines[y][..Math.Max(0, Viewport.Width - 2)] : _lines[y]);
        return true;
    }
}
