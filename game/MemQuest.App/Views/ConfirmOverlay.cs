// A question drawn over the screen (quit mid-incident, reset progress): Y confirms; N or Esc
// keeps things as they are.
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace MemQuest.App.Views;

public sealed class ConfirmOverlay : View
{
    private string[] _lines = [];
    private Action? _onYes;

    public ConfirmOverlay()
    {
        BorderStyle = LineStyle.Double;
        X = Pos.Center();
        Y = Pos.Center();
        Visible = false;
        CanFocus = true;
        KeyDown += (_, k) =>
        {
            if (!Visible) return;
            if (k == Terminal.Gui.Input.Key.Y || k == Terminal.Gui.Input.Key.Y.WithShift) Yes();
            else if (k == Terminal.Gui.Input.Key.N || k == Terminal.Gui.Input.Key.N.WithShift || k == Terminal.Gui.Input.Key.Esc) No();
            k.Handled = true;
        };
    }

    /// <summary>The question was answered either way (the screen gives the focus back).</summary>
    public event Action? Closed;

    public bool IsOpen => Visible;

    public void Ask(string title, string question, Action onYes)
    {
        Title = title;
        _lines = [.. question.Split('\n'), "", "[Y] yes    [N] no"];
        _onYes = onYes;
        Width = Math.Min(76, _lines.Max(l => l.Length) + 4);
        Height = _lines.Length + 2;
        Visible = true;
        SetFocus();
        SetNeedsDraw();
    }

    /// <summary>Y: run the confirmed action.</summary>
    public void Yes()
    {
        Visible = false;
        Action? a = _onYes;
        _onYes = null;
        Closed?.Invoke();
        a?.Invoke();
    }

    public void No()
    {
        Visible = false;
        _onYes = null;
        Closed?.Invoke();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        SetAttribute(Theme.Warning);
        FillRect(Viewport, (System.Text.Rune)' ');
        for (int y = 0; y < _lines.Length && y < Viewport.Height; y++) AddStr(1, y, _lines[y]);
        return true;
    }
}
