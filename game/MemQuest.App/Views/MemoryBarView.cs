// Draws the memory bar from a MemoryBarModel: the bar, the MemAvailable bracket, the legend.
using MemQuest.App.Presentation;
using Terminal.Gui.ViewBase;

namespace MemQuest.App.Views;

public sealed class MemoryBarView : View
{
    private const string Label = "Mem ";
    private MemoryBarModel? _model;

    public MemoryBarView()
    {
        Height = 3;
        CanFocus = false;
    }

    public MemoryBarModel? Model
    {
        get => _model;
        set
        {
            if (Equals(_model, value)) return;
            _model = value;
            SetNeedsDraw();
        }
    }

    /// <summary>Right-aligned on the legend row: the box, its clock and speed (changes every beat, so it
    /// lives here and not in the window title, whose change would redraw the whole screen).</summary>
    public string Status
    {
        get => _status;
        set
        {
            if (_status == value) return;
            _status = value;
            SetNeedsDraw();
        }
    }

    private string _status = "";

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width - Label.Length;
        if (_model is null || width <= 0) return true;
        string cells = _model.Cells(width);
        SetAttribute(Theme.Heading);
        AddStr(0, 0, Label);
        for (int i = 0; i < cells.Length; i++)
        {
            SetAttribute(cells[i] switch { MemoryBarModel.UsedCell => Theme.Used, MemoryBarModel.CacheCell => Theme.Cache, _ => Theme.Free });
            AddStr(Label.Length + i, 0, cells[i].ToString());
        }
        SetAttribute(Theme.Available);
        AddStr(Label.Length, 1, _model.AvailableSpan(width));
        SetAttribute(Theme.Text);
        string legend = _model.Legend();
        if (_status.Length > 0 && legend.Length + 3 + _status.Length > width) legend = _model.Legend(withTotal: false);
        AddStr(Label.Length, 2, legend.Length > width ? legend[..width] : legend);
        if (_status.Length > 0 && legend.Length + 3 + _status.Length <= width)
        {
            SetAttribute(Theme.Heading);
            AddStr(Label.Length + width - _status.Length, 2, _status);
        }
        return true;
    }
}
