// The console's transcript, newest line at the bottom; PgUp/PgDn and the mouse wheel scroll back.
using MemQuest.App.Presentation;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace MemQuest.App.Views;

public sealed class ConsoleOutput : View
{
    private readonly ConsoleModel _model;
    private int _scrollBack;

    public ConsoleOutput(ConsoleModel model)
    {
        _model = model;
        CanFocus = false;
        MouseEvent += (_, m) =>
        {
            if (m.Flags.HasFlag(MouseFlags.WheeledUp)) Scroll(3);
            else if (m.Flags.HasFlag(MouseFlags.WheeledDown)) Scroll(-3);
            else return;
            m.Handled = true;
        };
    }

    /// <summary>Scroll back by <paramref name="lines"/> (negative: towards the newest line).</summary>
    public void Scroll(int lines)
    {
        int max = Math.Max(0, _model.Wrapped(Viewport.Width).Count - Viewport.Height);
        _scrollBack = Math.Clamp(_scrollBack + lines, 0, max);
        SetNeedsDraw();
    }

    public void ScrollToEnd()
    {
        _scrollBack = 0;
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        SetAttribute(Theme.Text);
        IReadOnlyList<string> lines = _model.Wrapped(Viewport.Width);
        int rows = Viewport.Height;
        int first = Math.Max(0, lines.Count - rows - _scrollBack);
        for (int y = 0; y < rows && first + y < lines.Count; y++)
        {
            AddStr(0, y, lines[first + y]);
        }
        return true;
    }
}
