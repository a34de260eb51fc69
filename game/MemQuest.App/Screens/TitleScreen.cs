// The title screen: the game's name, what it is, and the menu (continue, campaign, lab, tutorial,
// settings, quit). Wiring only: a choice is raised to the GameHost, which opens the next screen.
using System.Collections.ObjectModel;
using MemQuest.App.Presentation;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MemQuest.App.Screens;

public sealed class TitleScreen : Window
{
    private static readonly string[] s_banner =
    [
        "█▄ ▄█ █▀▀ █▄ ▄█ █▀█ █ █ █▀▀ █▀▀ ▀█▀",
        "█ ▀ █ █▀▀ █ ▀ █ █▄█ █ █ █▀▀ ▀▀█  █ ",
        "▀   ▀ ▀▀▀ ▀   ▀  ▀▀ ▀▀▀ ▀▀▀ ▀▀▀  ▀ ",
    ];
    private readonly ListView _list;
    private readonly ObservableCollection<string> _items = [];
    private readonly Label _note;
    private TitleMenu _menu;
    private readonly int _initial;

    public TitleScreen(TitleMenu menu, Action? requestQuit = null)
    {
        _menu = menu;
        Title = "MemQuest";
        RequestQuit = requestQuit ?? (() => App?.RequestStop(this));
        var banner = new Label { Text = string.Join("\n", s_banner), X = Pos.Center(), Y = 1 };
        var tagline = new Label { Text = "Learn Linux memory management by fixing incidents on a simulated box.", X = Pos.Center(), Y = Pos.Bottom(banner) + 1 };
        _list = new ListView { X = Pos.Center(), Y = Pos.Bottom(tagline) + 1, Width = 46, Height = menu.Entries.Count, CanFocus = true };
        _list.SetSource(_items);
        _list.Accepting += (_, e) => { Choose(); e.Handled = true; };
        _note = new Label { Text = "", X = 2, Y = Pos.Bottom(_list) + 1, Width = Dim.Fill(2), HotKeySpecifier = (System.Text.Rune)0xFFFF };
        Add(banner, tagline, _list, _note, new StatusBar(
        [
            new Shortcut(Key.Enter, "Choose", Choose, ""),
            new Shortcut(Key.Q.WithCtrl, "Quit", () => RequestQuit(), ""),
        ]));
        SetMenu(menu);
        _list.SelectedItem = _initial = menu.Entries.ToList().FindIndex(e => e.Unavailable is null);
        _list.SetFocus();
    }

    /// <summary>An available entry was chosen (Enter or a click).</summary>
    public event Action<TitleChoice>? Chosen;

    public Action RequestQuit { get; }

    public void SetMenu(TitleMenu menu)
    {
        int? keep = _list.SelectedItem;
        _menu = menu;
        _items.Clear();
        foreach (string l in menu.Labels) _items.Add(l);
        _list.SelectedItem = keep;
    }

    /// <summary>The menu once the content has loaded: if the player has not moved yet, the selection goes
    /// to the first entry that can be used now (Continue when an incident was left mid-way).</summary>
    public void ShowLoaded(TitleMenu menu)
    {
        bool moved = _list.SelectedItem != _initial;
        SetMenu(menu);
        if (!moved) _list.SelectedItem = menu.Entries.ToList().FindIndex(e => e.Unavailable is null);
    }

    /// <summary>Show a line under the menu (why an entry is unavailable, a setting changed).</summary>
    public void ShowNote(string text) => _note.Text = text;

    private void Choose()
    {
        if (_list.SelectedItem is not int i || i < 0 || i >= _menu.Entries.Count) return;
        TitleMenu.Entry entry = _menu.Entries[i];
        if (entry.Unavailable is not null) { ShowNote(entry.Unavailable); return; }
        ShowNote("");
        Chosen?.Invoke(entry.Choice);
    }
}
