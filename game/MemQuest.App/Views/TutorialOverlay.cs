// The tutorial's guide box, drawn over the incident screen next to the pane its step is about, with
// an arrow pointing at it (▲ the pane is above, ▼ below). It never takes the focus: the console keeps
// the keys, so the player does each step for real.
using MemQuest.App.Presentation;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace MemQuest.App.Views;

public sealed class TutorialOverlay : View
{
    private const int MaxWidth = 64;
    private IReadOnlyList<string> _rows = [];

    public TutorialOverlay()
    {
        BorderStyle = LineStyle.Double;
        Visible = false;
        CanFocus = false;
    }

    /// <summary>The rows shown (for tests and the layout).</summary>
    public IReadOnlyList<string> Rows => _rows;

    /// <summary>Show <paramref name="step"/> next to <paramref name="target"/> (the pane's frame) inside a
    /// <paramref name="screenWidth"/> x <paramref name="screenHeight"/> area: below the pane when it fits,
    /// else above it, else over its top.</summary>
    public void Show(TutorialGuide.Step step, string footer, System.Drawing.Rectangle target, int screenWidth, int screenHeight)
    {
        int width = Math.Max(20, Math.Min(MaxWidth, screenWidth - 2));
        IReadOnlyList<string> text = TextReflow.Wrap(step.Text, width - 4);
        int height = text.Count + 4;
        bool below = target.Bottom + height <= screenHeight;
        bool above = !below && target.Y - height >= 0;
        string arrow = below ? "▲ " : above ? "▼ " : "► ";
        _rows = [.. text, "", footer];
        Title = arrow + step.Title;
        Width = width;
        Height = height;
        X = Math.Clamp(target.X + 2, 0, Math.Max(0, screenWidth - width));
        Y = below ? target.Bottom : above ? target.Y - height : Math.Clamp(target.Y + 1, 0, Math.Max(0, screenHeight - height));
        Visible = true;
        SetNeedsDraw();
    }

    public void Hide() => Visible = false;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        SetAttribute(Theme.Warning);
        FillRect(Viewport, (System.Text.Rune)' ');
        for (int y = 0; y < _rows.Count && y < Viewport.Height; y++)
        {
            string row = _rows[y];
            AddStr(1, y, row.Length > Viewport.Width - 2 ? row[..Math.Max(0, Viewport.Width - 2)] : row);
        }
        return true;
    }
}
