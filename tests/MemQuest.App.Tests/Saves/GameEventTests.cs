// The player's side of a team event through the game: `event join` keeps the ticket in the
// profile, the title screen lists the event, its incident plays on the ticket's seed with the
// event's rules (hints off here; par and the root cause held back until it ends), the finished
// run is kept in the save, and `event submit` sends it from there to a judge that counts it.
using MemQuest.App.Cli;
using MemQuest.App.Events;
using MemQuest.App.Saves;
using MemQuest.App.Screens;
using MemQuest.App.Tests.Events;
using MemQuest.App.Tests.Screens;
using MemQuest.Persistence.Documents;
using MemQuest.Scenarios.Events;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace MemQuest.App.Tests.Saves;

public sealed class GameEventTests : IDisposable
{
    private readonly TempGame _game = new();
    private readonly EventFixture _event = new(hints: false);

    public void Dispose()
    {
        _game.Dispose();
        _event.Dispose();
    }

    [Fact]
    public void EventJoin_ShowsOnTitle_PlaysOnTheTicketSeedWithItsRules_SubmitSendsTheSavedRun()
    {
        var clock = new FixedClock(EventFixture.Start.AddHours(1));
        (ProfileDocument ada, Ticket ticket) = _game.JoinAsAda(_event);
        var err = new StringWriter();
        Assert.Equal("golden-day", _game.WithStore(s => s.ListEvents(ada.Id).Single().EventId));

        ulong? seed = null;
        new GameScript()
            .When("Event: golden-day", Key.CursorDown, Key.Enter)   // title: Campaign is selected; the event is next
            .When("Event golden-day", Key.Enter)
            .When("Enter: start the incident", Key.Enter)
            .OnIncident(s => seed = s.Session.Seed)
            .Type("hints are off", "hint buy")
            .When("the refusal", app => GameScript.Screen(app).Contains("a run that buys one is not counted", StringComparison.Ordinal), _ => { })
            .Type("root#", TestIncident.Fix)
            .OnIncident(s => { Assert.Equal(0, s.Session.Incident.Hints.Bought); s.Session.RunToEnd(); s.Refresh(); })
            .When("Par, the root cause and the postmortem unlock when golden-day ends", Key.F4)
            .When("the export refused", app => app.TopRunnable is DebriefScreen, app =>
            {
                Assert.Empty(Directory.GetFiles(_game.Saves, "postmortem-*"));
                app.InjectKey(Key.F10);
            })
            .When("Event golden-day", Key.F10)
            .When("Profile: Ada", Key.Q.WithCtrl)
            .Run(_game.Options, clock: clock);
        Assert.Equal(ticket.SeedFor(EventFixture.Incident), seed);
        RunDocument run = _game.WithStore(s => s.ListRuns(ada.Id).Single());
        Assert.Equal(new PlayKey(EventFixture.Incident, "golden-day").Id, run.IncidentId);
        Assert.Null(_game.WithStore(s => s.FindProgress(ada.Id, EventFixture.Incident)));   // the campaign is untouched

        string submission = Path.Combine(_event.Submissions, "ada.json");
        Assert.Equal(ExitCodes.Ok, EventPlayer.Submit(EventFixture.ContentRoot, _game.Saves, null, submission, TextWriter.Null, err, clock));
        Submission sent = SubmissionFile.Read(File.ReadAllText(submission), out _)!;
        Assert.Equal(ticket.SeedFor(EventFixture.Incident), sent.Runs.Single().Log.Seed);
        Assert.Equal(run.FinalStateDigest, sent.Runs.Single().FinalDigest);
        var board = new StringWriter();
        Assert.Equal(ExitCodes.Ok, EventJudging.Judge(EventFixture.ContentRoot, _event.EventPath, _event.Submissions, 1, null, Path.Combine(_event.Root, "out"), board, err));
        Assert.Matches(@"Ada\s+red\s+junior\s+1\s+[1-9]\d*", board.ToString());
    }

    [Fact]
    public void EventJoin_WithoutAProfile_SaysHowToMakeOne()
    {
        string ticketFile = Path.Combine(_event.Root, "ada.ticket.json");
        File.WriteAllText(ticketFile, TicketFile.Write(_event.TicketFor("Ada", "red", "junior")));
        var err = new StringWriter();
        Assert.Equal(ExitCodes.Usage, EventPlayer.Join(ticketFile, _game.Saves, TextWriter.Null, err));
        Assert.Contains("There is no profile yet. Create one with: memquest profile create NAME", err.ToString());
    }
}
