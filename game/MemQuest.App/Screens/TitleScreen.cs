// The title screen: the game's name, what it is, and the menu (continue, campaign, joined events,
// lab, tutorial, profile, settings, quit). Wiring only: a choice is raised to the GameHost, which
// opens the next screen. It also hosts the overlays the profile menu asks with (a choice list, a
// line of text, a yes/no question), so that flow needs no modal dialogs.
using System.Collections.ObjectModel;
using MemQuest.App.Presentation;
using MemQuest.App.Views;
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
    private readonly ChoiceOverlay _choice = new("Choose");
    private readonly PromptOverlay _prompt = new();
    private readonly ConfirmOverlay _confirm = new();
    private Action<int>? _onChoice;
    private string _noteText = "";
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
        _note = new Label { Text = "", X = 2, Y = Pos.Bottom(_list) + 1, Width = Dim.Fill(2), Height = Dim.Fill(1), HotKeySpecifier = (System.Text.Rune)0xFFFF };
        Add(banner, tagline, _list, _note, new StatusBar(
        [
            new Shortcut(Key.Enter, "Choose", Choose, ""),
            new Shortcut(Key.Q.WithCtrl, "Quit", () => RequestQuit(), ""),
        ]));
        AddOverlays();
        ViewportChanged += (_, _) => ShowNote(_noteText);
        SetMenu(menu);
        _list.SelectedItem = _initial = menu.Entries.ToList().FindIndex(e => e.Unavailable is null);
        _list.SetFocus();
    }

    /// <summary>An available entry was chosen (Enter or a click).</summary>
    public event Action<TitleChoice>? Chosen;

    /// <summary>The same, with the whole entry (an event entry carries the event's id).</summary>
    public event Action<TitleMenu.Entry>? EntryChosen;

    public Action RequestQuit { get; }

    public void SetMenu(TitleMenu menu)
    {
        int? keep = _list.SelectedItem;
        _menu = menu;
        _items.Clear();
        foreach (string l in menu.Labels) _items.Add(l);
        _list.Height = Math.Max(5, menu.Entries.Count);
        _list.SelectedItem = keep is int k && k < menu.Entries.Count ? k : 0;
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
    public void ShowNote(string text)
    {
        _noteText = text;
        _note.Text = TextWrap.Wrap(text, Math.Max(20, (Viewport.Width > 0 ? Viewport.Width : App?.Screen.Width ?? 80) - 4));
    }

    public string Note => _note.Text ?? "";

    private void Choose()
    {
        if (_list.SelectedItem is not int i || i < 0 || i >= _menu.Entries.Count) return;
        TitleMenu.Entry entry = _menu.Entries[i];
        if (entry.Unavailable is not null) { ShowNote(entry.Unavailable); return; }
        ShowNote("");
        EntryChosen?.Invoke(entry);
        Chosen?.Invoke(entry.Choice);
    }

    // ---- overlays the profile menu asks with ----

    public bool Asking => _choice.Visible || _prompt.IsOpen || _confirm.IsOpen;

    private void AddOverlays()
    {
        Add(_choice, _prompt, _confirm);
        _choice.Chosen += i =>
        {
            Action<int>? then = _onChoice;
            CloseChoice();
            then?.Invoke(i);
        };
        _prompt.Closed += FocusMenu;
        _confirm.Closed += FocusMenu;
        KeyDown += (_, k) =>
        {
            if (k != Key.Esc || !_choice.Visible) return;
            CloseChoice();
            k.Handled = true;
        };
    }

    /// <summary>A list to pick from (Enter picks, Esc closes without picking).</summary>
    public void AskChoice(string title, IReadOnlyList<string> entries, Action<int> chosen)
    {
        _choice.Title = title;
        _choice.X = Pos.Center();
        _choice.Y = 1;   // over the banner, so the note under the menu (what happened, why) stays readable
        _choice.Width = Math.Min(76, Math.Max(title.Length + 6, entries.Max(e => e.Length) + 4));
        _choice.Height = Math.Min(entries.Count + 2, 12);
        _onChoice = chosen;
        _choice.Open(entries);
        SetNeedsDraw();
    }

    /// <summary>A line of text (Enter answers, Esc cancels).</summary>
    public void AskText(string title, string question, string initial, Action<string> answered) =>
        _prompt.Ask(title, question, initial, answered);

    /// <summary>A yes/no question (Y runs <paramref name="yes"/>).</summary>
    public void Confirm(string title, string question, Action yes) => _confirm.Ask(title, question, yes);

    private void CloseChoice()
    {
        _onChoice = null;
        _choice.Close();
        FocusMenu();
    }

    private void FocusMenu()
    {
        if (!Asking) _list.SetFocus();
        SetNeedsDraw();
    }
}
