// The process table (pid, name, RSS, oom_score_adj, oom_score), selectable with the keys and the
// mouse. Enter on a row hands its pid to the screen (which puts it on the console line).
using System.Collections.ObjectModel;
using MemQuest.App.Presentation;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MemQuest.App.Views;

public sealed class ProcessTableView : View
{
    private readonly ListView _list;
    private readonly ObservableCollection<string> _items = [];
    private IReadOnlyList<ProcessRow>? _rows;

    public ProcessTableView()
    {
        Title = "Processes";
        BorderStyle = LineStyle.Single;
        CanFocus = true;
        var header = new Label { Text = ProcessRows.Header, X = 0, Y = 0, Width = Dim.Fill() };
        _list = new ListView { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _list.SetSource(_items);
        _list.Accepting += (_, e) =>
        {
            if (SelectedPid is int pid) PidChosen?.Invoke(pid);
            e.Handled = true;
        };
        Add(header, _list);
    }

    /// <summary>Enter (or a double click) on a row.</summary>
    public event Action<int>? PidChosen;

    public int? SelectedPid => _rows is not null && _list.SelectedItem is int i && i >= 0 && i < _rows.Count ? _rows[i].Pid : null;

    public int RowCount => _rows?.Count ?? 0;

    public void SetRows(IReadOnlyList<ProcessRow> rows)
    {
        if (_rows is not null && _rows.SequenceEqual(rows)) return;
        int? keep = SelectedPid;
        _rows = rows;
        IReadOnlyList<string> lines = rows.Count == 0 ? ["(no user processes)"] : ProcessRows.Lines(rows);
        _items.Clear();
        foreach (string l in lines) _items.Add(l);
        if (keep is int pid && rows.ToList().FindIndex(r => r.Pid == pid) is var index and >= 0) _list.SelectedItem = index;
        SetNeedsDraw();
    }
}
