// A list drawn over the panes (the actions menu): Up/Down or the mouse to pick, Enter runs the
// entry, Esc closes. Not modal, so the box keeps running behind it.
using System.Collections.ObjectModel;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MemQuest.App.Views;

public sealed class ChoiceOverlay : View
{
    private readonly ListView _list;
    private readonly ObservableCollection<string> _items = [];

    public ChoiceOverlay(string title)
    {
        Title = title;
        BorderStyle = LineStyle.Double;
        X = 1;
        Y = Pos.Center();
        Width = Dim.Fill(1);
        Height = Dim.Percent(80);
        Visible = false;
        CanFocus = true;
        _list = new ListView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _list.SetSource(_items);
        _list.Accepting += (_, e) =>
        {
            if (_list.SelectedItem is int i && i >= 0 && i < _items.Count) Chosen?.Invoke(i);
            e.Handled = true;
        };
        Add(_list);
    }

    /// <summary>The index of the entry chosen with Enter or a double click.</summary>
    public event Action<int>? Chosen;

    public void Open(IReadOnlyList<string> lines)
    {
        _items.Clear();
        foreach (string l in lines) _items.Add(l);
        _list.SelectedItem = 0;
        Visible = true;
        _list.SetFocus();
    }

    public void Close() => Visible = false;
}
