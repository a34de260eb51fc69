// Draws the live graph: per series a caption and eighth-block rows, sharing the pane's height.
using MemQuest.App.Presentation;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace MemQuest.App.Views;

public sealed class LiveGraphView : View
{
    private readonly GraphModel _model;

    public LiveGraphView(GraphModel model)
    {
        _model = model;
        Title = "Graph";
        BorderStyle = LineStyle.Single;
        CanFocus = false;
    }

    private static Attribute ColorOf(int index) => index switch { 0 => Theme.Available, 1 => Theme.Cache, _ => Theme.Warning };

    public void Refresh() => SetNeedsDraw();

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width, height = Viewport.Height, n = _model.Series.Count;
        if (n == 0 || width <= 0 || height <= 0) return true;
        int per = Math.Max(1, height / n);
        int plotRows = Math.Max(1, per - 1);
        for (int s = 0, y = 0; s < n && y < height; s++)
        {
            SetAttribute(ColorOf(s));
            string caption = _model.Caption(s);
            if (s == 0 && _model.Span(width) is { Length: > 0 } span) caption = caption.PadRight(Math.Max(0, width - span.Length)) + span;
            if (per >= 2) AddStr(0, y++, caption.Length > width ? caption[..width] : caption);
            foreach (string row in _model.Plot(s, width, per >= 2 ? plotRows : 1))
                if (y < height) AddStr(0, y++, row);
        }
        return true;
    }
}
