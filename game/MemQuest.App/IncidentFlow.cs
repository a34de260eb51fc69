// The campaign's path through the screens: campaign map → briefing → incident → debrief, and back
// (retry, next); and the same for a joined event's incidents (on the player's seed, with the
// event's rules). Loads the content once. Everything the player does is saved through GameSaves:
// the unfinished incident's command log after each command (Continue replays it to the same
// tick), each hint bought, and every finished run with its score card and digest.
// RunTutorial plays the tutorial incident (000-tutorial, kept out of the campaign map) with the guide.
// The content loads on a worker thread once the title screen's first frame is out (StartLoading), so
// that frame does not wait for YAML parsing (about 300 ms); whatever needs the catalog waits for it.
using MemQuest.App.Cli;
using MemQuest.App.Cli.Incidents;
using MemQuest.App.Presentation;
using MemQuest.App.Saves;
using MemQuest.App.Screens;
using MemQuest.Persistence.Documents;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Events;
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
    private readonly GameSaves _saves;
    private readonly TimeProvider _clock;
    private string? _refused;
    private readonly string? _root;
    private Task<LoadedContent>? _content;

    private sealed record LoadedContent(ContentCatalog? Catalog, string? Unavailable);

    /// <summary>The tutorial incident's id (content/scenarios/000-tutorial.yaml).</summary>
    public const string TutorialId = "tutorial";

    public IncidentFlow(IApplication app, GameOptions options, GameSaves saves, Func<bool> quitting, Action quit, TimeProvider? clock = null)
    {
        _app = app;
        _quitting = quitting;
        _quit = quit;
        _saves = saves;
        _clock = clock ?? TimeProvider.System;
        _exportDirectory = options.SavesDirectory ?? Directory.GetCurrentDirectory();
        _root = options.ContentRoot;
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
            return _content!.GetAwaiter().GetResult();
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
    /// briefing, the incident with the guide, its debrief. The game calls this after it creates the
    /// player's profile.</summary>
    public void RunTutorial()
    {
        if (Catalog?.Find(TutorialId) is { } s) Play(s, resume: null, ev: null, tutorial: true);
    }

    /// <summary>The incident Continue resumes ("010 Title", or "event: 010 Title"), or null.</summary>
    public string? Resumable => Kept() is { } k ? (k.Key.EventId is null ? "" : $"{k.Key.EventId}: ") + $"{k.Scenario.Number:000} {k.Scenario.Title}" : null;

    public void RunCampaign()
    {
        CampaignProgress progress = SavedCampaign.Load(_saves);
        using var campaign = new CampaignScreen(() => Rows(progress), progress);
        campaign.PlayChosen += id =>
        {
            Play(Catalog![id], resume: null, ev: null);
            progress = SavedCampaign.Load(_saves);
            campaign.Use(progress);
            if (_quitting()) _app.RequestStop(campaign);
        };
        _app.Run(campaign);
    }

    /// <summary>A joined event's incidents (no locks; the ticket decides the seed and the rules: the
    /// window, the attempts per incident, hints and their cost).</summary>
    public void RunEvent(EventPlay ev)
    {
        CampaignProgress progress = SavedCampaign.LoadEvent(_saves, ev.EventId);
        using var map = new CampaignScreen(() => EventRows(ev, progress), progress, eventTitle: $"Event {ev.EventId} · {ev.Ticket.Player} ({ev.Ticket.Team})");
        if (ev.WindowRefusal(_clock.GetUtcNow()) is { } closed) map.Say(closed);
        map.PlayChosen += id =>
        {
            _refused = null;
            Play(Catalog![id], resume: null, ev);
            progress = SavedCampaign.LoadEvent(_saves, ev.EventId);
            map.Use(progress);
            if (_refused is { } why) map.Say(why);
            if (_quitting()) _app.RequestStop(map);
        };
        _app.Run(map);
    }

    /// <summary>Resumes the kept incident; returns why a retry of an event incident did not start (window, attempts), or null.</summary>
    public string? Continue()
    {
        _refused = null;
        if (Kept() is not { } k) return null;
        Session resumed;
        try { resumed = Rebuild(k.Scenario, RunRecords.ToSessionLog(k.Log)); }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            _saves.DiscardUnfinished(k.Key.Id);   // the log no longer replays on this content: drop it rather than fail every start
            return null;
        }
        Play(k.Scenario, resumed, k.Key.EventId is { } id ? JoinedEvent(id) : null);
        return _refused;
    }

    private (PlayKey Key, ScenarioDefinition Scenario, RunLog Log)? Kept()
    {
        if (_saves.LatestUnfinished() is not { } u || Catalog?.Find(u.Log.ScenarioId) is not { } s || u.Log.ContentDigest != Catalog.Digest) return null;
        return (PlayKey.Parse(u.IncidentId, u.Log.ScenarioId), s, u.Log);
    }

    private EventPlay? JoinedEvent(string eventId) =>
        _saves.Events().FirstOrDefault(e => e.EventId == eventId) is { } doc ? EventPlay.From(doc, out _) : null;

    private IReadOnlyList<CampaignRow> Rows(CampaignProgress progress) =>
        Catalog is null ? [] : CampaignRows.From(Catalog.Scenarios.Where(s => s.Id != TutorialId).ToList(), progress, s => Readiness.Missing(s, EngineKernel.Provided));

    private IReadOnlyList<CampaignRow> EventRows(EventPlay ev, CampaignProgress progress)
    {
        if (Catalog is null) return [];
        DateTimeOffset now = _clock.GetUtcNow();
        return ev.Incidents.Select(id =>
        {
            if (Catalog.Find(id) is not { } s)
                return new CampaignRow(id, 0, id, "", 0, 0, null, $"not in this content ({Catalog.Root}): ask the organiser which content to use");
            int used = AttemptsUsed(ev, s.Id);
            string? refusal = ev.StartRefusal(now, used, unfinished: false) ?? Readiness.Missing(s, EngineKernel.Provided);
            string? state = ev.Rules.WindowAt(now) switch
            {
                EventWindow.NotOpen => "not open",
                EventWindow.Closed => "closed",
                _ => ev.Rules.AttemptsLeft(used) == 0 ? "none left" : null,
            };
            return new CampaignRow(s.Id, s.Number, s.Title, string.Join(", ", s.Topics), s.Difficulty, progress.ResultOf(s.Id)?.Stars ?? 0, progress.ResultOf(s.Id)?.Best,
                refusal, ev.AttemptsLabel(used), state);
        }).ToList();
    }

    private int AttemptsUsed(EventPlay ev, string incident) => ev.AttemptsUsed(_saves.Runs(new PlayKey(incident, ev.EventId).Id));

    /// <summary>Why a new attempt at an event incident may not start now (window, attempts), or null.</summary>
    private string? EventRefusal(ScenarioDefinition s, EventPlay ev) =>
        ev.StartRefusal(_clock.GetUtcNow(), AttemptsUsed(ev, s.Id), _saves.Unfinished(new PlayKey(s.Id, ev.EventId).Id) is not null);

    private void Play(ScenarioDefinition s, Session? resume, EventPlay? ev, bool tutorial = false)
    {
        while (!_quitting())
        {
            if (resume is null && ev is not null && EventRefusal(s, ev) is { } why) { _refused = why; return; }
            Session? session = resume ?? Brief(s, ev, tutorial && s.Id == TutorialId);
            resume = null;
            if (session is null) return;
            if (!RunIncident(session, ev, tutorial && s.Id == TutorialId)) return;
            DebriefChoice next = Debrief(session, ev);
            if (next == DebriefChoice.Campaign) return;
            if (next == DebriefChoice.Next) s = NextAfter(s, ev) ?? s;
        }
    }

    private ScenarioDefinition? NextAfter(ScenarioDefinition s, EventPlay? ev)
    {
        IReadOnlyList<string> order = ev?.Incidents ?? Catalog!.Scenarios.Select(x => x.Id).ToList();
        int i = order.ToList().IndexOf(s.Id);
        return i >= 0 && i + 1 < order.Count ? Catalog!.Find(order[i + 1]) : null;
    }

    private Session? Brief(ScenarioDefinition s, EventPlay? ev, bool tutorial)
    {
        using var briefing = new BriefingScreen(s, tutorial ? "the title screen" : ev is not null ? "the event" : "the campaign");
        _app.Run(briefing);
        if (!briefing.Started) return null;
        if (ev is not null) AbandonUnfinished(s, ev);
        ulong seed = ev?.Ticket.SeedFor(s.Id) ?? s.Seed;
        return Session.Start(s, seed, Catalog!.Digest);
    }

    /// <summary>A new attempt at an event incident abandons the one left unfinished: it is kept as a lost
    /// run, so it is submitted and the judge counts it as an attempt, as the game does.</summary>
    private void AbandonUnfinished(ScenarioDefinition s, EventPlay ev)
    {
        var key = new PlayKey(s.Id, ev.EventId);
        if (_saves.Unfinished(key.Id) is not { } u || u.Log.ContentDigest != Catalog!.Digest) return;
        Session left;
        try { left = Rebuild(s, RunRecords.ToSessionLog(u.Log)); }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException) { _saves.DiscardUnfinished(key.Id); return; }
        ScoreCard card = ev.Rules.Charge(Scorer.Score(s, SessionOutcome.Of(left), []));
        _saves.RecordRun(RunRecords.Finished(key, left, card));   // also drops the unfinished log
    }

    /// <summary>Run the incident screen; true when it ended (won or lost), false when the player left it.</summary>
    private bool RunIncident(Session session, EventPlay? ev, bool tutorial)
    {
        var key = new PlayKey(session.Scenario.Id, ev?.EventId);
        using var screen = new IncidentScreen(_app, session);
        int hintsSaved = session.Incident.Hints.Bought;
        if (ev is not null)
        {
            screen.Refuse = ev.Refuse;
            foreach (string note in ev.Notes(_clock.GetUtcNow(), AttemptsUsed(ev, session.Scenario.Id))) screen.Note(note);
        }
        if (!_saves.CanWrite) screen.Note("Nothing is saved in this MemQuest: " + _saves.WhyNoWrites);
        screen.CommandRun += () =>
        {
            for (; hintsSaved < session.Incident.Hints.Bought; hintsSaved++) _saves.RecordHint(key.Id, $"hint-{hintsSaved + 1}");
            _saves.SaveUnfinished(key.Id, RunRecords.ToRunLog(session.Log));
            if (_saves.Problem is { } p) screen.Note(p);
        };
        screen.Finished += () => _app.RequestStop(screen);
        screen.QuitConfirmed += _quit;
        screen.Clock.Start();
        if (tutorial) screen.StartTutorial(TutorialFor(screen.Actions));
        _app.Run(screen);
        screen.Clock.Stop();
        if (session.Status != SessionStatus.Running) return true;
        _saves.SaveUnfinished(key.Id, RunRecords.ToRunLog(session.Log));
        return false;
    }

    /// <summary>The guide for the tutorial incident: its fix is the actions-menu entry that loads the
    /// module with vmalloc.</summary>
    internal static TutorialGuide TutorialFor(IReadOnlyList<ActionEntry> actions)
    {
        ActionEntry fix = actions.FirstOrDefault(a => a.Command.EndsWith("buf_alloc=vmalloc", StringComparison.Ordinal)) ?? actions[0];
        return new TutorialGuide(TutorialGuide.ForIncident(fix.Label, fix.Command));
    }

    private DebriefChoice Debrief(Session session, EventPlay? ev)
    {
        ScenarioDefinition s = session.Scenario;
        SessionOutcome outcome = SessionOutcome.Of(session);
        SessionOutcome par = Replayer.Run(s, Replayer.ParLog(s, Catalog!.Digest));
        ScoreCard card = Scorer.Score(s, outcome, Scorer.HiddenRuns(s, outcome.Log), solutionSeen: false, par);
        if (ev is not null) card = ev.Rules.Charge(card);   // the event's share of the hint cost, as the judge charges it
        _saves.RecordRun(RunRecords.Finished(new PlayKey(s.Id, ev?.EventId), session, card));
        bool hasNext = NextAfter(s, ev) is not null;
        using var debrief = new DebriefScreen(session, card, _exportDirectory, hasNext, ev?.ParLocked(_clock.GetUtcNow()));
        _app.Run(debrief);
        return debrief.Choice;
    }

    /// <summary>Replay a kept log to the tick the player left at (deterministic, so the box is the same).</summary>
    public static Session Rebuild(ScenarioDefinition s, SessionLog log)
    {
        Session session = Session.Start(s, log.Seed, log.ContentDigest);
        foreach (Scenarios.Play.Replay.LoggedCommand c in log.Commands)
        {
            session.Advance(c.Tick - session.Tick);
            session.Submit(c.Line);
        }
        session.Advance(log.EndTick - session.Tick);
        return session;
    }
}
