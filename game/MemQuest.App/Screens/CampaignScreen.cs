// The campaign map: incidents in curriculum order with topic, difficulty, stars, best score and
// locked state. Enter plays; F3 resets one incident and F4 everything (each asks first); F7 skips a
// stuck incident (unlocking the next); F10 goes back to the title.
using System.Collections.ObjectModel;
using MemQuest.App.Presentation;
using MemQuest.App.Views;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MemQuest.App.Screens;

public sealed class CampaignScreen : Window
{
    private readonly Func<IReadOnlyList<CampaignRow>> _rows;
    private CampaignProgress _progress;
    private readonly ListView _list;
    private readonly ObservableCollection<string> _items = [];
    // No hotkey marker: topics such as oom_score_adj would lose their underscore.
    private readonly Label _detail = new() { Text = "", X = 1, Y = Pos.AnchorEnd(4), Width = Dim.Fill(1), Height = 2, HotKeySpecifier = (System.Text.Rune)0xFFFF };
    private readonly ConfirmOverlay _confirm = new();
    private readonly Label _header = new() { Text = "", X = 1, Y = 0, Width = Dim.Fill(1) };
    private IReadOnlyList<CampaignRow> _current = [];
    private int _titleWidth = 40;
    private readonly bool _event;

    /// <param name="eventTitle">For a joined event's incidents: the title, and no reset or skip (event runs are the player's submission).</param>
    public CampaignScreen(Func<IReadOnlyList<CampaignRow>> rows, CampaignProgress progress, string? eventTitle = null)
    {
        _rows = rows;
        _progress = progress;
        _event = eventTitle is not null;
        Title = eventTitle ?? "Campaign";
        Add(_header);
        _list = new ListView { X = 1, Y = 1, Width = Dim.Fill(1), Height = Dim.Fill(5), CanFocus = true };
        _list.SetSource(_items);
        _list.Accepting += (_, e) => { Play(); e.Handled = true; };
        _list.ValueChanged += (_, _) => ShowDetail();
        Add(_list, _detail);
        Add(new StatusBar(eventTitle is not null
            ? [new Shortcut(Key.Enter, "Play", Play, ""), new Shortcut(Key.F10, "Title", () => App?.RequestStop(this), "")]
            :
        [
            new Shortcut(Key.Enter, "Play", Play, ""),
            new Shortcut(Key.F3, "Reset one", ResetOne, ""),
            new Shortcut(Key.F4, "Reset all", ResetAll, ""),
            new Shortcut(Key.F7, "Skip", Skip, ""),
            new Shortcut(Key.F10, "Title", () => App?.RequestStop(this), ""),
        ]));
        Add(_confirm);
        _confirm.Closed += () => _list.SetFocus();
        ViewportChanged += (_, _) =>
        {
            int width = Math.Clamp(Viewport.Width - 36 - (_event ? TriesWidth : 0), 20, 90);
            if (width != _titleWidth) { _titleWidth = width; Reload(); }
        };
        Reload();
        _list.SetFocus();
    }

    /// <summary>The attempts column of an event's map ("1/3").</summary>
    private const int TriesWidth = 6;

    /// <summary>The incident the player chose to play (the host opens its briefing).</summary>
    public event Action<string>? PlayChosen;

    public string Detail => _detail.Text ?? "";

    /// <summary>Says <paramref name="text"/> where the selected incident's details are (e.g. why it did not start).</summary>
    public void Say(string text) => _detail.Text = text;

    /// <summary>Show <paramref name="progress"/> (read again from the save after a play).</summary>
    public void Use(CampaignProgress progress)
    {
        _progress = progress;
        Reload();
    }

    public void Reload()
    {
        int? keep = _list.SelectedItem;
        _current = _rows();
        _items.Clear();
        _header.Text = "NNN " + "incident".PadRight(_titleWidth) + " level stars  best" + (_event ? " tries" : "");
        foreach (CampaignRow r in _current) _items.Add(r.Line(_titleWidth));
        if (_current.Count == 0) _items.Add("(no incidents installed: see content/README.md)");
        _list.SelectedItem = keep is int k && k < _current.Count ? k : 0;
        ShowDetail();
    }

    private CampaignRow? Selected => _list.SelectedItem is int i && i >= 0 && i < _current.Count ? _current[i] : null;

    private void ShowDetail()
    {
        CampaignRow? r = Selected;
        _detail.Text = r is null ? "" : $"{r.Title}\ntopics: {r.Topics}{(r.Unavailable is null ? "" : "   (" + r.Unavailable + ")")}";
    }

    private void Play()
    {
        if (Selected is not { } r) return;
        if (r.Unavailable is not null) { _detail.Text = $"{r.Title}\n{r.Unavailable}"; return; }
        PlayChosen?.Invoke(r.Id);
    }

    private void ResetOne()
    {
        if (Selected is not { } r) return;
        _confirm.Ask("Reset", $"Forget the score and stars of {r.Number:000}?", () => { _progress.Reset(r.Id); Reload(); });
    }

    private void ResetAll() =>
        _confirm.Ask("Reset everything", "Forget every score, star and skip in the campaign?", () => { _progress.ResetAll(); Reload(); });

    private void Skip()
    {
        if (Selected is not { } r || r.Unavailable?.StartsWith("locked", StringComparison.Ordinal) == true) return;
        _progress.Skip(r.Id);
        Reload();
        _detail.Text = $"Skipped {r.Number:000}: the next incident is open. You can come back to it any time.";
    }
}
