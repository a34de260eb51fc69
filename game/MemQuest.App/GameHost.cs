// The composition root (architecture §4 App): decides between the TUI and the plain line mode,
// creates the Terminal.Gui application, rebinds the keys (Esc never quits; Ctrl+Q quits from any
// screen), and moves between screens: title → lab setup → lab, and back.
using MemQuest.App.Cli;
using MemQuest.App.Presentation;
using MemQuest.App.Screens;
using MemQuest.Engine;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace MemQuest.App;

public sealed class GameHost(GameOptions options)
{
    private const int MaxResumedErrors = 5;
    private bool _quitting;
    private bool _sixteenColors = options.SixteenColors;
    private int _errors;
    private IncidentFlow? _flow;

    /// <summary>True when the TUI can run here: a real terminal on both ends, nothing redirected.</summary>
    public static bool HasTerminal() =>
        Driver.IsAttachedToTerminal(out _, out _) && !Console.IsInputRedirected && !Console.IsOutputRedirected;

    /// <summary>--saves DIR, else $MEMQUEST_SAVES, else a saves/ folder here or above; null if none exists.</summary>
    public static string? SavesFolder(string? option)
    {
        string? given = option ?? Environment.GetEnvironmentVariable("MEMQUEST_SAVES");
        if (!string.IsNullOrWhiteSpace(given)) return Path.GetFullPath(given);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "saves"))) return Path.Combine(dir.FullName, "saves");
        return null;
    }

    public int Run()
    {
        if (options.Plain || !HasTerminal()) return RunPlain();
        using IApplication app = Drivers.QuietAnsiDriver.Create();
        app.Init();
        InstallKeys(app, () => RequestQuit(app));
        Theme.UseSixteenColors(app, _sixteenColors);
        _flow = new IncidentFlow(app, options, () => _quitting, () => { _quitting = true; app.RequestStop(); });
        using var title = new TitleScreen(Menu(), Quit);
        title.Chosen += choice => OnChoice(app, title, choice);
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

    /// <summary>No terminal (CI, a pipe, `--plain`): the lab's line console, never a hang.</summary>
    private static int RunPlain()
    {
        if (!Console.IsInputRedirected)
            Console.Error.WriteLine("memquest: plain mode (no terminal for the game's screens, or --plain): the lab's line console.");
        return LabCommand.Run(new LabOptions(4L << 30, 2, 0, 1, KeepGoing: true, Script: null));
    }

    /// <summary>The title menu; while the content still loads (the first frame does not wait for it),
    /// Campaign and Tutorial are offered and wait for the load when chosen.</summary>
    private TitleMenu Menu() => _flow is { ContentLoaded: true } f
        ? TitleMenu.For(f.CampaignUnavailable, f.Resumable, _sixteenColors, f.TutorialUnavailable)
        : TitleMenu.For(null, null, _sixteenColors, tutorialUnavailable: null);

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
                _flow!.Continue();
                title.SetMenu(Menu());
                break;
            case TitleChoice.Settings:
                _sixteenColors = !_sixteenColors;
                Theme.UseSixteenColors(app, _sixteenColors);
                title.SetMenu(Menu());
                title.ShowNote(_sixteenColors ? "16 colours on (for terminals without 24-bit colour)." : "24-bit colour on.");
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
