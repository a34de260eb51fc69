// The incident: the box's panes, the objectives, the console wired to the Session, the actions
// menu (F2, each entry shows its command) and hints (F7). The GameClock is the only caller of
// Session.Advance; when the judge decides, the clock stops and Finished tells the host to debrief.
// Ctrl+Q and F10 ask first and keep the incident (its log) so Continue can resume it. StartTutorial
// adds the first-run guide: a box that points at each pane in turn and advances as the player acts.
using MemQuest.App.Presentation;
using MemQuest.App.Views;
using MemQuest.Engine;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace MemQuest.App.Screens;

public sealed class IncidentScreen : Window
{
    private readonly Session _session;
    private readonly ConsoleModel _console;
    private readonly BoxPanes _panes;
    private readonly HelpOverlay _help;
    private readonly ChoiceOverlay _actions = new(ActionsTitle);
    private readonly ConfirmOverlay _confirm = new();
    private readonly TutorialOverlay _tutorial = new();
    private const string ActionsTitle = "Actions: each runs the console line shown";
    private TutorialGuide? _guide;
    private readonly WorkloadProcess? _graphService;
    private readonly IReadOnlyList<ActionEntry> _actionEntries;
    private bool _finished;

    public IncidentScreen(IApplication app, Session session)
    {
        _session = session;
        Clock = new GameClock(app, ticks => session.Advance(ticks));
        long totalKb = Units.K(session.Machine.Node.TotalramPages);
        _console = new ConsoleModel("root# ", new CompletionSources(
            () => session.Console.Commands.Keys, () => session.Console.Context.Files.AllPaths(),
            () => session.Machine.Processes.ByPid.Select(p => p.Pid)));
        _console.Print("Investigate with real commands. F2: actions and what each runs. F1: keys.");
        foreach (TranscriptEntry t in session.Transcript) _console.Record(t.Line, t.Output);
        if (session.Tick > 0) _console.Print($"(resumed at {session.Incident.Clock.At(session.Tick)})");
        // The graph's service metric: the service the incident is about (protected), else the incident's
        // own first service, not a boot daemon such as journald.
        WorkloadProcess? service = _graphService =
            session.Services.Services.FirstOrDefault(w => w.Definition.Service?.Protected == true)
            ?? session.Services.Services.FirstOrDefault(w => w.IsService && session.Scenario.Processes.Contains(w.Definition))
            ?? session.Services.Services.FirstOrDefault();
        long slo = Math.Max(1, service?.SloP99Ms ?? 100);
        _panes = new BoxPanes(_console,
        [
            new GraphSeries("MemAvailable", totalKb, Sizes.FromKb),
            new GraphSeries("buff/cache", totalKb, Sizes.FromKb),
            new GraphSeries(service is null ? "p99" : $"{service.Unit} p99", 2 * slo, ms => ms >= ServiceHealth.DownP99Ms ? "down" : $"{ms} ms"),
        ], objectiveRows: Math.Max(1, session.Scenario.Objectives.Count));
        _actionEntries = ActionsMenu.For(session.Console.Commands.Keys, session.Services.Services.Select(s => s.Unit),
            session.Modules.Definitions.Select(m => m.Name), ModuleTable.BufAllocChoices);
        _help = new HelpOverlay("Keys", StatusKeys.HelpLines(StatusKeys.Incident));
        foreach (var v in _panes.Views) Add(v);
        Add(new StatusBar(
        [
            // The order of StatusKeys.Incident: at 80 columns the last ones are cut (F8 is also named in
            // the compact pane's title, Ctrl+Q on the title screen).
            new Shortcut(Key.F1, "Help", ToggleHelp, ""),
            new Shortcut(Key.F2, "Actions", OpenActions, ""),
            new Shortcut(Key.F7, "Hint", () => Run("hint"), ""),
            new Shortcut(Key.F5, "Pause", Clock.TogglePause, ""),
            new Shortcut(Key.F6, "Speed", Clock.CycleSpeed, ""),
            new Shortcut(Key.F10, "Leave", () => AskToLeave(() => App?.RequestStop(this)), ""),
            new Shortcut(Key.Q.WithCtrl, "Quit", () => AskToLeave(() => QuitConfirmed?.Invoke()), ""),
            new Shortcut(Key.F8, "Pane", NextPane, ""),
        ]));
        Add(_tutorial, _help, _actions, _confirm);
        KeyDown += (_, k) =>
        {
            if (k != Key.Esc) return;
            if (_help.Visible) ToggleHelp();
            else if (_actions.Visible) CloseActions();
            else _guide?.Skip();
            k.Handled = true;
        };
        _actions.Chosen += i => { CloseActions(); Run(_actionEntries[i].Command); };
        _confirm.Closed += () => Console.Input.SetFocus();
        Console.LineEntered += line => Run(line);
        _panes.Processes.PidChosen += pid => Console.Insert(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Clock.Beat += Refresh;
        Clock.Changed += Refresh;
        FrameChanged += (_, _) => ScreenEdges.Apply(this, Frame.Width);
        ViewportChanged += (_, _) => { _panes.Relayout(Viewport.Width, Viewport.Height - 1, Frame.Width); ShowGuide(); Refresh(); };
        IsRunningChanged += (_, _) => Console.Input.SetFocus();
        Title = $"{session.Scenario.Number:000} {session.Scenario.Title}";
        Refresh();
        Console.Input.SetFocus();
    }

    public GameClock Clock { get; }
    public Session Session => _session;
    public ConsoleView Console => _panes.Console;
    public bool ActionsOpen => _actions.Visible;
    public bool Asking => _confirm.IsOpen;
    public IReadOnlyList<ActionEntry> Actions => _actionEntries;
    public TutorialGuide? Guide => _guide;
    public TutorialOverlay TutorialBox => _tutorial;

    /// <summary>Start the first-run guide on this incident: the clock waits while it talks, and starts
    /// again when the guide ends (finished, or Esc).</summary>
    public void StartTutorial(TutorialGuide guide)
    {
        _guide = guide;
        guide.Changed += ShowGuide;
        Clock.SetPaused(true);
        ShowGuide();
    }

    /// <summary>The judge decided (won or lost): the host shows the debrief.</summary>
    public event Action? Finished;

    /// <summary>The player confirmed Ctrl+Q: the host keeps the incident and quits.</summary>
    public event Action? QuitConfirmed;

    /// <summary>A console line went to the session (the host saves the unfinished log after each).</summary>
    public event Action? CommandRun;

    /// <summary>Why a line may not run here (an event's rules, e.g. hints off), or null to run it.</summary>
    public Func<string, string?>? Refuse { get; set; }

    /// <summary>Print a line of the game's own (an event's rules, a save problem) in the console.</summary>
    public void Note(string text)
    {
        _console.Print(text);
        Console.Refresh();
    }

    /// <summary>Ctrl+Q or F10 mid-incident: ask first (the incident is kept either way).</summary>
    public void AskToLeave(Action confirmed)
    {
        if (_finished) { confirmed(); return; }
        _confirm.Ask("Leave the incident?", "The incident is kept where it is: Continue on the title screen\nresumes it at this tick.", confirmed);
        SetNeedsDraw();
    }

    public void Refresh()
    {
        BoxSnapshot s = BoxSnapshot.Capture(_session.Machine);
        long p99 = _graphService?.P99Ms ?? 0;
        _panes.Show(s, [s.Memory.AvailableKb, s.Memory.BuffCacheKb, p99], Status(),
            ObjectiveLines.From(_session.Status == SessionStatus.Running ? _session.Incident.Objectives() : _session.Verdicts));
        if (!_finished && _session.Status != SessionStatus.Running)
        {
            _finished = true;
            Clock.Stop();
            _console.Print(_session.Status == SessionStatus.Won ? "*** Incident solved. ***" : "*** Incident lost: " + string.Join(" ", _session.Verdicts.Where(v => !v.Met).Select(v => v.Reason)) + " ***");
            Console.Refresh();
            Finished?.Invoke();
        }
    }

    public void OpenActions()
    {
        _actions.Open(ActionsMenu.Lines(_actionEntries));
        _guide?.OnActionsOpened();
        _actions.Title = _guide?.Current?.MenuCue ?? ActionsTitle;
        _tutorial.Visible = _guide?.Active == true && !_actions.Visible;
    }

    private void CloseActions()
    {
        _actions.Close();
        ShowGuide();
        Console.Input.SetFocus();
    }

    /// <summary>Point the guide's box at its step's pane; when the guide is over, hide it and start the clock.</summary>
    private void ShowGuide()
    {
        if (_guide is null) return;
        if (_guide.Current is not { } step)
        {
            _tutorial.Hide();
            _actions.Title = ActionsTitle;
            if (!_finished) Clock.SetPaused(false);
            _console.Print(_guide.Skipped ? "(guide ended; F1 shows the keys)" : "(guide done; the clock runs: F6 speeds it up)");
            Console.Refresh();
            _guide.Changed -= ShowGuide;
            _guide = null;
            SetNeedsDraw();
            return;
        }
        _panes.Reveal(step.Target);
        _tutorial.Show(step, _guide.Footer, _panes.FrameOf(step.Target), Viewport.Width, Viewport.Height - 1);
        if (_actions.Visible) { _tutorial.Visible = false; _actions.Title = step.MenuCue ?? ActionsTitle; }
        SetNeedsDraw();
    }

    private void NextPane()
    {
        _panes.NextPane();
        Refresh();
    }

    private void ToggleHelp()
    {
        _help.Visible = !_help.Visible;
        SetNeedsDraw();
    }

    /// <summary>Run a console line through the session (typed, from the actions menu, or F7).</summary>
    private void Run(string line)
    {
        string trimmed = line.Trim();
        if (trimmed == "clear") { _console.Clear(); Console.Refresh(); return; }
        if (trimmed.Length == 0) { _console.Record(line, ""); Console.Refresh(); _guide?.OnEnter(); return; }
        if (Refuse?.Invoke(trimmed) is { } why) { _console.Record(trimmed, why + "\n"); Console.Refresh(); return; }
        ShellResult r = _session.Submit(trimmed);
        _console.Record(trimmed, r.Output + (r.ErrorMessage is null ? "" : r.ErrorMessage + "\n"));
        Console.Refresh();
        CommandRun?.Invoke();
        Refresh();
        _guide?.OnCommand(trimmed);
    }

    /// <summary>"09:41:12 · x4" on the memory bar's legend row (the incident's wall clock and speed).</summary>
    private string Status() =>
        $"{_session.Incident.Clock.At(_session.Tick)} · {(_finished ? _session.Status.ToString().ToLowerInvariant() : Clock.Describe())}";
}
