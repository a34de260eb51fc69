// The campaign's path through the screens: campaign map → briefing → incident → debrief, and back
// (retry, next). Loads the content once; keeps the incident the player left mid-way (its log, so
// Continue replays it to the same tick) in memory and, when a saves folder exists, in
// resume-run.json there. Progress lives in CampaignProgress until the save store is wired in.
// RunTutorial plays the tutorial incident (000-tutorial, kept out of the campaign map) with the guide.
// The content loads on a worker thread once the title screen's first frame is out (StartLoading), so
// that frame does not wait for YAML parsing (about 300 ms); whatever needs the catalog waits for it.
using MemQuest.App.Cli;
using MemQuest.App.Cli.Incidents;
using MemQuest.App.Presentation;
using MemQuest.App.Screens;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;
using MemQuest.Scenarios.Scoring;
using MemQuest.Scenarios.Workloads.Kernel;
using Terminal.Gui.App;

namespace MemQuest.App;

public sealed class IncidentFlow
{
    private readonly IApplication _app;
    private readonly Func<bool> _quitting;
    private readonly Action _quit;
    private readonly string _exportDirectory;
    private readonly string? _resumeFile;
    private readonly CampaignProgress _progress = new();
    private readonly string? _root;
    private Task<LoadedContent>? _content;
    private SessionLog? _kept;
    private bool _keptRead;

    private sealed record LoadedContent(ContentCatalog? Catalog, string? Unavailable);

    /// <summary>The tutorial incident's id (content/scenarios/000-tutorial.yaml).</summary>
    public const string TutorialId = "tutorial";

    public IncidentFlow(IApplication app, GameOptions options, Func<bool> quitting, Action quit)
    {
        _app = app;
        _quitting = quitting;
        _quit = quit;
        _exportDirectory = options.SavesDirectory ?? Directory.GetCurrentDirectory();
        _root = options.ContentRoot;
        if (options.SavesDirectory is not null && Directory.Exists(options.SavesDirectory))
            _resumeFile = Path.Combine(options.SavesDirectory, "resume-run.json");
    }

    /// <summary>The content catalog (waits for the load when it is still running).</summary>
    public ContentCatalog? Catalog => Content.Catalog;
    public string? CampaignUnavailable => Content.Unavailable;

    /// <summary>True once the content has loaded (the title screen shows the real menu then).</summary>
    public bool ContentLoaded => _content?.IsCompleted == true;

    /// <summary>Load the content on a worker thread (once); <paramref name="loaded"/> then runs on the UI thread.</summary>
    public void StartLoading(Action? loaded = null)
    {
        string? root = _root;
        _content ??= Task.Run(() => Load(root));
        if (loaded is not null) _content.ContinueWith(_ => _app.Invoke(loaded), TaskScheduler.Default);
    }

    private LoadedContent Content
    {
        get
        {
            StartLoading();
            LoadedContent c = _content!.GetAwaiter().GetResult();
            if (!_keptRead) { _keptRead = true; _kept = LoadKept(c.Catalog); }
            return c;
        }
    }

    private static LoadedContent Load(string? root)
    {
        try
        {
            var errors = new StringWriter();
            ContentCatalog? catalog = root is null ? null : CliContent.Load(root, errors, "play");
            return new(catalog, catalog is null ? $"No campaign: {errors.ToString().Trim()}"
                : catalog.Scenarios.Count == 0 ? $"No incidents are installed in {catalog.Root}. Try the Lab." : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(null, $"No campaign: the content at '{root}' could not be read ({e.Message}).");
        }
    }

    /// <summary>Why the Tutorial entry cannot be played (no content, or no tutorial in it); null when it can.</summary>
    public string? TutorialUnavailable => Catalog?.Find(TutorialId) is null ? TitleMenu.NoTutorial : null;

    /// <summary>The first-run tutorial (and the title screen's Tutorial entry): the tutorial incident's
    /// briefing, the incident with the guide, its debrief. The title screen calls this after it creates
    /// the player's profile.</summary>
    public void RunTutorial()
    {
        if (Catalog?.Find(TutorialId) is { } s) Play(s, resume: null, tutorial: true);
    }

    /// <summary>The incident Continue resumes ("010 at 09:41:12"), or null.</summary>
    public string? Resumable => Catalog is { } c && _kept is { } k && c.Find(k.ScenarioId) is { } s ? $"{s.Number:000} {s.Title}" : null;

    public void RunCampaign()
    {
        using var campaign = new CampaignScreen(Rows, _progress);
        campaign.PlayChosen += id =>
        {
            Play(Catalog![id], resume: null);
            campaign.Reload();
            if (_quitting()) _app.RequestStop(campaign);
        };
        _app.Run(campaign);
    }

    public void Continue()
    {
        if (Catalog is not { } c || _kept is null || c.Find(_kept.ScenarioId) is not { } s) return;
        Play(s, Rebuild(s, _kept));
    }

    private IReadOnlyList<CampaignRow> Rows() =>
        Catalog is null ? [] : CampaignRows.From(Catalog.Scenarios.Where(s => s.Id != TutorialId).ToList(), _progress, s => Readiness.Missing(s, EngineKernel.Provided));

    private void Play(ScenarioDefinition s, Session? resume, bool tutorial = false)
    {
        while (!_quitting())
        {
            Session? session = resume ?? Brief(s);
            resume = null;
            if (session is null) return;
            if (!RunIncident(session, tutorial && s.Id == TutorialId)) return;
            DebriefChoice next = Debrief(session);
            if (next == DebriefChoice.Campaign) return;
            if (next == DebriefChoice.Next) s = Catalog!.Scenarios[Catalog.Scenarios.ToList().IndexOf(s) + 1];
        }
    }

    private Session? Brief(ScenarioDefinition s)
    {
        using var briefing = new BriefingScreen(s);
        _app.Run(briefing);
        return briefing.Started ? Session.Start(s, s.Seed, Catalog!.Digest) : null;
    }

    /// <summary>Run the incident screen; true when it ended (won or lost), false when the player left it.</summary>
    private bool RunIncident(Session session, bool tutorial)
    {
        using var screen = new IncidentScreen(_app, session);
        screen.Finished += () => _app.RequestStop(screen);
        screen.QuitConfirmed += _quit;
        screen.Clock.Start();
        if (tutorial) screen.StartTutorial(TutorialFor(screen.Actions));
        _app.Run(screen);
        screen.Clock.Stop();
        if (session.Status == SessionStatus.Running) { Keep(session.Log); return false; }
        Keep(null);
        return true;
    }

    private DebriefChoice Debrief(Session session)
    {
        ScenarioDefinition s = session.Scenario;
        SessionOutcome outcome = SessionOutcome.Of(session);
        SessionOutcome par = Replayer.Run(s, Replayer.ParLog(s, Catalog!.Digest));
        ScoreCard card = Scorer.Score(s, outcome, Scorer.HiddenRuns(s, outcome.Log), solutionSeen: false, par);
        if (card.Won) _progress.Record(s.Id, card.Total, card.Stars);
        bool hasNext = Catalog.Scenarios.ToList().IndexOf(s) + 1 < Catalog.Scenarios.Count;
        using var debrief = new DebriefScreen(session, card, _exportDirectory, hasNext);
        _app.Run(debrief);
        return debrief.Choice;
    }

    /// <summary>The guide for the tutorial incident: its fix is the actions-menu entry that loads the
    /// module with vmalloc.</summary>
    internal static TutorialGuide TutorialFor(IReadOnlyList<ActionEntry> actions)
    {
        ActionEntry fix = actions.FirstOrDefault(a => a.Command.EndsWith("buf_alloc=vmalloc", StringComparison.Ordinal)) ?? actions[0];
        return new TutorialGuide(TutorialGuide.ForIncident(fix.Label, fix.Command));
    }

    /// <summary>Replay a kept log to the tick the player left at (deterministic, so the box is the same).</summary>
    public static Session Rebuild(ScenarioDefinition s, SessionLog log)
    {
        Session session = Session.Start(s, log.Seed, log.ContentDigest);
        foreach (LoggedCommand c in log.Commands)
        {
            session.Advance(c.Tick - session.Tick);
            session.Submit(c.Line);
        }
        session.Advance(log.EndTick - session.Tick);
        return session;
    }

    private void Keep(SessionLog? log)
    {
        _kept = log;
        if (_resumeFile is null) return;
        try
        {
            if (log is null) File.Delete(_resumeFile);
            else File.WriteAllText(_resumeFile, RunFile.Write(log));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private SessionLog? LoadKept(ContentCatalog? catalog)
    {
        if (_resumeFile is null || !File.Exists(_resumeFile)) return null;
        try
        {
            SessionLog? log = RunFile.Read(File.ReadAllText(_resumeFile), out _);
            return log is not null && catalog?.Find(log.ScenarioId) is not null && log.ContentDigest == catalog.Digest ? log : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
