// The event's rules from the ticket, enforced by the game on a headless screen with a set clock:
// before the window the incidents say when it opens and do not start, after it they say it closed;
// the map shows the attempts used and refuses a new one when none are left (a run abandoned by
// starting afresh is kept and counts, as the judge counts every submitted run in the window); the
// event's hint cost is what the saved score charges, the same total the judge gives the run.
using MemQuest.App.Cli;
using MemQuest.App.Events;
using MemQuest.App.Screens;
using MemQuest.App.Tests.Events;
using MemQuest.App.Tests.Screens;
using MemQuest.Persistence.Documents;
using MemQuest.Scenarios.Events;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace MemQuest.App.Tests.Saves;

public sealed class GameEventRulesTests : IDisposable
{
    private readonly TempGame _game = new();
    private EventFixture? _event;

    public void Dispose()
    {
        _game.Dispose();
        _event?.Dispose();
    }

    private (ProfileDocument Profile, Ticket Ticket) Join(EventFixture fixture)
    {
        _event = fixture;
        return _game.JoinAsAda(fixture);
    }

    private static GameScript ToEventMap() => new GameScript().When("Event: golden-day", Key.CursorDown, Key.Enter);

    [Fact]
    public void BeforeTheWindow_TheIncidentSaysWhenItOpens_AndDoesNotStart()
    {
        (ProfileDocument ada, _) = Join(new EventFixture());
        string last = ToEventMap()
            .When("not open", Key.Enter)
            .When("the refusal", app => GameScript.Screen(app).Contains("golden-day opens at 2026-11-24 09:00 UTC", StringComparison.Ordinal)
                && app.TopRunnable is CampaignScreen, app => app.InjectKey(Key.F10))
            .When("Profile: Ada", Key.Q.WithCtrl)
            .Run(_game.Options, width: 120, clock: new FixedClock(EventFixture.Start.AddMinutes(-30)));
        Assert.DoesNotContain("Enter: start the incident", last);
        Assert.Empty(_game.WithStore(s => s.ListRuns(ada.Id)));
        Assert.Empty(_game.WithStore(s => s.ListUnfinished(ada.Id)));
    }

    [Fact]
    public void AfterTheWindow_TheIncidentSaysTheEventClosed_AndDoesNotStart()
    {
        (ProfileDocument ada, _) = Join(new EventFixture());
        ToEventMap()
            .When("closed", Key.Enter)
            .When("the refusal", app => GameScript.Screen(app).Contains("golden-day closed at 2026-11-24 17:00 UTC", StringComparison.Ordinal)
                && app.TopRunnable is CampaignScreen, app => app.InjectKey(Key.F10))
            .When("Profile: Ada", Key.Q.WithCtrl)
            .Run(_game.Options, width: 120, clock: new FixedClock(EventFixture.Start.AddHours(9)));
        Assert.Empty(_game.WithStore(s => s.ListRuns(ada.Id)));
        Assert.Empty(_game.WithStore(s => s.ListUnfinished(ada.Id)));
    }

    [Fact]
    public void Attempts_UsedShownOnTheMap_NoneLeft_ANewOneIsRefused()
    {
        (ProfileDocument ada, _) = Join(new EventFixture(attempts: 1));
        string? map = null;
        ToEventMap()
            .When("  0/1 ", Key.Enter)
            .When("Enter: start the incident", Key.Enter)
            .Type("root#", TestIncident.Fix)
            .OnIncident(s => { s.Session.RunToEnd(); s.Refresh(); })
            .When("the debrief", app => app.TopRunnable is DebriefScreen, app => app.InjectKey(Key.F10))
            .When("1/1 on the map", app => GameScript.Screen(app).Contains("  1/1 ", StringComparison.Ordinal), app => { map = GameScript.Screen(app); app.InjectKey(Key.Enter); })
            .When("the refusal", app => GameScript.Screen(app).Contains("No attempts left", StringComparison.Ordinal)
                && app.TopRunnable is CampaignScreen, app => app.InjectKey(Key.F10))
            .When("Profile: Ada", Key.Q.WithCtrl)
            .Run(_game.Options, width: 120, clock: new FixedClock(EventFixture.Start.AddHours(1)));
        Assert.Contains("tries", map);
        Assert.Matches(@"\s1/1 none left", map);
        Assert.Single(_game.WithStore(s => s.ListRuns(ada.Id)));
    }

    [Fact]
    public void Attempts_AnAbandonedRunIsKeptAndCounts_TheLastUnfinishedOneIsNotAbandoned()
    {
        (ProfileDocument ada, Ticket ticket) = Join(new EventFixture(attempts: 2));
        string? map = null;
        ToEventMap()
            .When("  0/2 ", Key.Enter)
            .When("Enter: start the incident", Key.Enter)
            .Type("root#", "free -m")
            .When("the incident", app => app.TopRunnable is IncidentScreen, app => app.InjectKey(Key.F10))
            .When("Leave the incident?", Key.Y)
            .When("the map again", app => GameScript.Screen(app).Contains("  0/2 ", StringComparison.Ordinal) && app.TopRunnable is CampaignScreen,
                app => app.InjectKey(Key.Enter))   // the unfinished run is not an attempt used yet
            .When("Enter: start the incident", Key.Enter)   // a new attempt: the first is abandoned
            .When("the incident", app => app.TopRunnable is IncidentScreen, app => app.InjectKey(Key.F10))
            .When("Leave the incident?", Key.Y)
            .When("1/2 on the map", app => GameScript.Screen(app).Contains("  1/2 ", StringComparison.Ordinal) && app.TopRunnable is CampaignScreen,
                app => { map = GameScript.Screen(app); app.InjectKey(Key.Enter); })
            .When("the refusal", app => GameScript.Screen(app).Contains("Your unfinished run is your last attempt", StringComparison.Ordinal)
                && app.TopRunnable is CampaignScreen, app => app.InjectKey(Key.F10))
            .When("Profile: Ada", Key.Q.WithCtrl)
            .Run(_game.Options, width: 120, clock: new FixedClock(EventFixture.Start.AddHours(1)));
        RunDocument abandoned = _game.WithStore(s => s.ListRuns(ada.Id)).Single();
        Assert.Equal(RunOutcome.Lost, abandoned.Outcome);
        Assert.Equal(["free -m"], abandoned.Log.Commands.Select(c => c.Line));
        Assert.Equal(ticket.SeedFor(EventFixture.Incident), unchecked((ulong)abandoned.Log.Seed));
        Assert.Single(_game.WithStore(s => s.ListUnfinished(ada.Id)));   // the second attempt, left to continue
    }

    [Fact]
    public void Attempts_ContinuedLastAttempt_RetryIsRefusedOnTheTitle()
    {
        (ProfileDocument ada, _) = Join(new EventFixture(attempts: 1));
        var clock = new FixedClock(EventFixture.Start.AddHours(1));
        ToEventMap()
            .When("  0/1 ", Key.Enter)
            .When("Enter: start the incident", Key.Enter)
            .When("the incident", app => app.TopRunnable is IncidentScreen, app => app.InjectKey(Key.F10))
            .When("Leave the incident?", Key.Y)
            .When("the map", app => app.TopRunnable is CampaignScreen, app => app.InjectKey(Key.F10))
            .When("Profile: Ada", Key.Q.WithCtrl)
            .Run(_game.Options, width: 120, clock: clock);
        new GameScript()
            .When("Continue: golden-day", Key.Enter)
            .Type("root#", TestIncident.Fix)
            .OnIncident(s => { s.Session.RunToEnd(); s.Refresh(); })
            .When("the debrief", app => app.TopRunnable is DebriefScreen, app => app.InjectKey(Key.F3))
            .When("No attempts left", Key.Q.WithCtrl)
            .Run(_game.Options, width: 120, clock: clock);
        Assert.Single(_game.WithStore(s => s.ListRuns(ada.Id)));
        Assert.Empty(_game.WithStore(s => s.ListUnfinished(ada.Id)));
    }

    [Fact]
    public void HintCost_TheEventsShareIsCharged_TheSameTotalTheJudgeGives()
    {
        (ProfileDocument ada, Ticket ticket) = Join(new EventFixture(hints: true, hintCostPercent: 50));
        var clock = new FixedClock(EventFixture.Start.AddHours(1));
        ToEventMap()
            .When("tries", Key.Enter)
            .When("Enter: start the incident", Key.Enter)
            .Type("root#", "hint buy")
            .Type("kernel say", TestIncident.Fix)
            .OnIncident(s => { Assert.Equal(1, s.Session.Incident.Hints.Bought); s.Session.RunToEnd(); s.Refresh(); })
            .When("the debrief", app => app.TopRunnable is DebriefScreen, app => app.InjectKey(Key.F10))
            .When("Event golden-day", Key.F10)
            .When("Profile: Ada", Key.Q.WithCtrl)
            .Run(_game.Options, width: 120, clock: clock);
        RunDocument run = _game.WithStore(s => s.ListRuns(ada.Id)).Single();
        Assert.Equal(RunOutcome.Won, run.Outcome);
        // The test incident's first hint costs 50 (TestContent 010-netcap-buffer.yaml); the event charges 50% of it.
        Assert.Equal(run.Score.Metrics.Sum(m => m.Points) - 25, run.Score.Total);

        string submission = Path.Combine(_event!.Submissions, "ada.json");
        Assert.Equal(ExitCodes.Ok, EventPlayer.Submit(EventFixture.ContentRoot, _game.Saves, null, submission, TextWriter.Null, TextWriter.Null, clock));
        SubmittedRun sent = SubmissionFile.Read(File.ReadAllText(submission), out _)!.Runs.Single();
        Assert.Null(RunJudge.Precheck(_event.Event, EventFixture.Catalog.Digest, ticket, sent));
        Assert.Equal(run.Score.Total, RunJudge.Judge(_event.Event, EventFixture.Scenario, ticket, sent).Run!.Total);
    }
}
