// The composition root (architecture §4 App): decides between the TUI and the plain line mode,
// creates the Terminal.Gui application, rebinds the keys (Esc never quits; Ctrl+Q quits from any
// screen), opens the save (GameSaves: the lock is held until the game ends), and moves between
// screens: title → campaign / event / lab / profile, and back.
using MemQuest.App.Cli;
using MemQuest.App.Presentation;
using MemQuest.App.Saves;
using MemQuest.App.Screens;
using MemQuest.Engine;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace MemQuest.App;

public sealed class GameHost(GameOptions options, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private const int MaxResumedErrors = 5;
    private bool _quitting;
    private bool _sixteenColors = options.SixteenColors;
    private int _errors;
    private IncidentFlow? _flow;
    private GameSaves? _saves;
    private ProfileMenu? _profiles;

    /// <summary>True when the TUI can run here: a real terminal on both ends, nothing redirected.</summary>
    public static bool HasTerminal() =>
        Driver.IsAttachedToTerminal(out _, out _) && !Console.IsInputRedirected && !Console.IsOutputRedirected;

    public int Run()
    {
        if (options.Plain || !HasTerminal()) return RunPlain();
        using IApplication app = Drivers.QuietAnsiDriver.Create();
        app.Init();
        return RunOn(app);
    }

    /// <summary>The game on an initialised application (a terminal, or a headless one in tests).</summary>
    internal int RunOn(IApplication app)
    {
        InstallKeys(app, () => RequestQuit(app));
        using GameSaves saves = OpenSaves();
        _saves = saves;
        if (saves.Setting(GameSaves.ColoursSetting) is { } colours) _sixteenColors = colours == "16";
        Theme.UseSixteenColors(app, _sixteenColors);
        _flow = new IncidentFlow(app, options, saves, () => _quitting, () => { _quitting = true; app.RequestStop(); }, _clock);
        using var title = new TitleScreen(Menu(), Quit);
        _profiles = new ProfileMenu(saves, title, () => _flow.Catalog, () => { UseProfileColours(app); title.SetMenu(Menu()); });
        title.SetMenu(Menu());
        title.Chosen += choice => OnChoice(app, title, choice);
        title.EntryChosen += entry => OnEntry(title, entry);
        StartSaves(app, title);
        EventHandler<EventArgs>? firstFrame = null;
        firstFrame = (_, _) =>
        {
            app.LayoutAndDrawComplete -= firstFrame;
            _flow.StartLoading(() => title.ShowLoaded(Menu()));
        };
        app.LayoutAndDrawComplete += firstFrame;
        app.Run(title, OnError);
        void Quit() => RequestQuit(app);
        return 0;
    }

    /// <summary>After a profile switch or import: that profile's colour setting, if it has one.</summary>
    private void UseProfileColours(IApplication app)
    {
        if (_saves?.Setting(GameSaves.ColoursSetting) is not { } colours || (colours == "16") == _sixteenColors) return;
        _sixteenColors = colours == "16";
        Theme.UseSixteenColors(app, _sixteenColors);
    }

    /// <summary>The saves folder given in the options, else the one `memquest profile` uses.</summary>
    private GameSaves OpenSaves() => GameSaves.Open(options.SavesDirectory ?? Persistence.SavesLocator.ResolveFromProcess(null), _clock);

    /// <summary>At start: the save's news (damaged, read-only), then first-run profile creation.</summary>
    private void StartSaves(IApplication app, TitleScreen title)
    {
        _profiles!.FirstProfileCreated += () =>
        {
            title.SetMenu(Menu());
            if (_flow!.TutorialUnavailable is null) _flow.RunTutorial();   // the first run teaches the screen
            title.SetMenu(Menu());
            if (_quitting) app.RequestStop(title);     // Ctrl+Q confirmed in the tutorial: quit, as from the menu's Tutorial
        };
        _profiles.Start();
        if (ResumeFileMigration.Run(_saves!)) title.SetMenu(Menu());
    }

    /// <summary>Entries that carry more than a choice: a joined event.</summary>
    private void OnEntry(TitleScreen title, TitleMenu.Entry entry)
    {
        if (entry.Choice != TitleChoice.Event || entry.Argument is not { } id) return;
        string? why = null;
        if (_saves!.Events().FirstOrDefault(e => e.EventId == id) is not { } doc || EventPlay.From(doc, out why) is not { } ev)
        {
            title.ShowNote($"The ticket of {id} kept in your save no longer reads ({why ?? "it is gone"}); join again with 'memquest event join TICKET'.");
            return;
        }
        if (_flow!.Catalog is null) { title.ShowNote(_flow.CampaignUnavailable ?? "No content."); return; }
        _flow.RunEvent(ev);
        title.SetMenu(Menu());
    }

    /// <summary>No terminal (CI, a pipe, `--plain`): the lab's line console, never a hang.</summary>
    private static int RunPlain()
    {
        if (!Console.IsInputRedirected)
            Console.Error.WriteLine("memquest: plain mode (no terminal for the game's screens, or --plain): the lab's line console.");
        return LabCommand.Run(new LabOptions(4L << 30, 2, 0, 1, KeepGoing: true, Script: null));
    }

    /// <summary>The title menu; while the content still loads (the first frame does not wait for it),
    /// Campaign and Tutorial are offered and wait for the load when chosen.</summary>
    private TitleMenu Menu() =>
        (_flow is { ContentLoaded: true } f
            ? TitleMenu.For(f.CampaignUnavailable, f.Resumable, _sixteenColors, f.TutorialUnavailable)
            : TitleMenu.For(null, null, _sixteenColors, tutorialUnavailable: null))
        .WithEvents(_saves?.Events().Select(e => (e.EventId, $"Event: {e.EventId} (joined {e.JoinedUtc:yyyy-MM-dd})")) ?? [])
        .WithProfile(_profiles?.Label ?? "Profile");

    /// <summary>Esc no longer quits (it only closes dialogs and overlays); Ctrl+Q calls <paramref name="quit"/> from any screen.</summary>
    internal static void InstallKeys(IApplication app, Action quit)
    {
        app.Keyboard.KeyBindings.Remove(Key.Esc);
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (key != Key.Q.WithCtrl) return;
            quit();
            key.Handled = true;
        };
    }

    /// <summary>Ctrl+Q: mid-incident the incident screen asks first (and keeps the incident); elsewhere quit.</summary>
    private void RequestQuit(IApplication app)
    {
        if (app.TopRunnable is IncidentScreen incident && !_quitting)
        {
            incident.AskToLeave(() => { _quitting = true; app.RequestStop(incident); });
            return;
        }
        _quitting = true;
        app.RequestStop();
    }

    private void OnChoice(IApplication app, TitleScreen title, TitleChoice choice)
    {
        switch (choice)
        {
            case TitleChoice.Lab:
                RunLab(app);
                break;
            case TitleChoice.Campaign:
                _flow!.RunCampaign();
                title.SetMenu(Menu());
                break;
            case TitleChoice.Tutorial:
                _flow!.RunTutorial();
                title.SetMenu(Menu());
                break;
            case TitleChoice.Continue:
                string? refused = _flow!.Continue();
                title.SetMenu(Menu());
                if (refused is not null) title.ShowNote(refused);
                break;
            case TitleChoice.Settings:
                _sixteenColors = !_sixteenColors;
                Theme.UseSixteenColors(app, _sixteenColors);
                _saves!.SaveSetting(GameSaves.ColoursSetting, _sixteenColors ? "16" : "24");
                title.SetMenu(Menu());
                title.ShowNote((_sixteenColors ? "16 colours on (for terminals without 24-bit colour)." : "24-bit colour on.")
                    + (_saves.Problem is { } p ? " " + p : _saves.CanWrite && _saves.Profile is not null ? " Saved in your profile." : ""));
                break;
            case TitleChoice.Profile:
                _profiles!.Open();
                break;
            case TitleChoice.Quit:
                _quitting = true;
                break;
        }
        if (_quitting) app.RequestStop(title);
    }

    private void RunLab(IApplication app)
    {
        LabOptions? chosen;
        using (var setup = new LabSetupScreen())
        {
            app.Run(setup, OnError);
            chosen = setup.Chosen;
        }
        if (chosen is null || _quitting) return;
        var box = new LabBox(new MachineSpec(chosen.MemBytes / 1024, chosen.Cpus, chosen.SwapBytes / 1024), chosen.Seed);
        using var lab = new LabScreen(app, box, () => RequestQuit(app));
        lab.Clock.Start();
        app.Run(lab, OnError);
        lab.Clock.Stop();
    }

    /// <summary>An exception in a handler: log it and carry on (a few times), never leave the terminal broken.</summary>
    private bool OnError(Exception e)
    {
        string log = Path.Combine(Path.GetTempPath(), "memquest-error.log");
        try { File.AppendAllText(log, $"{DateTime.UtcNow:O} {e}\n"); }
        catch (IOException) { }
        return ++_errors <= MaxResumedErrors;
    }
}
