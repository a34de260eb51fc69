// The organiser's and player's commands end to end on the test content: new, tickets, join, play,
// submit, judge.
using MemQuest.App.Cli;
using MemQuest.App.Events;
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Tests.Events;

public sealed class EventCliTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "memquest-event-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void EventCommands_NewTicketsJoinPlaySubmitJudge_BoardShowsTheSolve()
    {
        var o = new StringWriter();
        var err = new StringWriter();
        string eventFile = Path.Combine(_root, "ev", "day.event.yaml");
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var e = new EventDefinition("day", "Day", [EventFixture.Incident], new EventRules(true, 100, start, start.AddDays(1), 0), ["open"], TeamScoring.SumOfMembersBest);
        Assert.Equal(ExitCodes.Ok, EventOrganiser.New(e, eventFile, o, err));
        string roster = Path.Combine(_root, "roster.csv");
        File.WriteAllText(roster, "name,team,bracket\nAda Lovelace,red,open\n");
        Assert.Equal(ExitCodes.Ok, EventOrganiser.Tickets(eventFile, roster, Path.Combine(_root, "tickets"), o, err));
        string saves = Path.Combine(_root, "saves");
        CreateProfile(saves, "Ada");
        Assert.Equal(ExitCodes.Ok, EventPlayer.Join(Path.Combine(_root, "tickets", "red-ada-lovelace.ticket.json"), saves, o, err));
        var input = new StringReader("modprobe netcap buf_alloc=vmalloc\n");
        EventPlayer.Play(EventFixture.ContentRoot, saves, null, EventFixture.Incident, input, o, err, TimeProvider.System);
        string subs = Path.Combine(_root, "subs");
        Directory.CreateDirectory(subs);
        Assert.Equal(ExitCodes.Ok, EventPlayer.Submit(EventFixture.ContentRoot, saves, null, Path.Combine(subs, "ada.json"), o, err, TimeProvider.System));
        var board = new StringWriter();
        Assert.Equal(ExitCodes.Ok, EventJudging.Judge(EventFixture.ContentRoot, eventFile, subs, 2, null, Path.Combine(_root, "out"), board, err));
        Assert.Matches(@"1\s+Ada Lovelace\s+red\s+open\s+1\s+[1-9]\d*", board.ToString());
        Assert.True(File.Exists(Path.Combine(_root, "out", "board.html")), err.ToString());
    }

    [Fact]
    public void EventDebrief_BeforeAndAfterTheEnd_LockedThenShown()
    {
        string eventFile = Path.Combine(_root, "day.event.yaml");
        var e = new EventDefinition("day", "Day", [EventFixture.Incident], new EventRules(false, 100, EventFixture.Start, EventFixture.Start.AddHours(2), 0), ["open"], TeamScoring.SumOfMembersBest);
        EventOrganiser.New(e, eventFile, TextWriter.Null, TextWriter.Null);
        string roster = Path.Combine(_root, "roster.csv");
        File.WriteAllText(roster, "name,team,bracket\nAda,red,open\n");
        EventOrganiser.Tickets(eventFile, roster, Path.Combine(_root, "t"), TextWriter.Null, TextWriter.Null);
        string saves = Path.Combine(_root, "saves");
        CreateProfile(saves, "Ada");
        EventPlayer.Join(Path.Combine(_root, "t", "red-ada.ticket.json"), saves, TextWriter.Null, TextWriter.Null);
        var during = new StringWriter();
        Assert.Equal(ExitCodes.LostOrFailed, EventDebrief.Show(EventFixture.ContentRoot, saves, null, EventFixture.Incident, TextWriter.Null, during, new FixedClock(EventFixture.Start.AddHours(1))));
        Assert.Contains("unlock when day ends at 2026-11-24T11:00:00Z", during.ToString());
        var after = new StringWriter();
        Assert.Equal(ExitCodes.Ok, EventDebrief.Show(EventFixture.ContentRoot, saves, null, EventFixture.Incident, after, TextWriter.Null, new FixedClock(EventFixture.Start.AddHours(3))));
        Assert.Contains("modprobe netcap buf_alloc=vmalloc", after.ToString());
        Assert.Contains("vmalloc", after.ToString());
    }

    private static void CreateProfile(string saves, string name)
    {
        using var saveLock = Persistence.SaveLock.TryAcquire(saves)!;
        using var store = Persistence.SaveStore.Open(saveLock, TimeProvider.System).Store!;
        store.CreateProfile(name);
    }

    [Fact]
    public void EventPlay_LineMode_RefusedOutsideTheWindowAndWhenNoAttemptsAreLeft()
    {
        using var fixture = new EventFixture(attempts: 1);
        Directory.CreateDirectory(_root);
        string ticketFile = Path.Combine(_root, "ada.ticket.json");
        File.WriteAllText(ticketFile, TicketFile.Write(fixture.TicketFor("Ada", "red", "junior")));
        string saves = Path.Combine(_root, "saves");
        CreateProfile(saves, "Ada");
        Assert.Equal(ExitCodes.Ok, EventPlayer.Join(ticketFile, saves, TextWriter.Null, TextWriter.Null));
        int PlayAt(DateTimeOffset now, StringWriter err) =>
            EventPlayer.Play(EventFixture.ContentRoot, saves, null, EventFixture.Incident, new StringReader(TestIncidentFix + "\n"), TextWriter.Null, err, new FixedClock(now));

        var early = new StringWriter();
        Assert.Equal(ExitCodes.Usage, PlayAt(EventFixture.Start.AddMinutes(-5), early));
        Assert.Contains("golden-day opens at 2026-11-24 09:00 UTC", early.ToString());
        var first = new StringWriter();
        PlayAt(EventFixture.Start.AddHours(1), first);
        Assert.DoesNotContain("No attempts left", first.ToString());
        var second = new StringWriter();
        Assert.Equal(ExitCodes.Usage, PlayAt(EventFixture.Start.AddHours(2), second));
        Assert.Contains("No attempts left: golden-day allows 1 per incident and you used 1", second.ToString());
        var late = new StringWriter();
        Assert.Equal(ExitCodes.Usage, PlayAt(EventFixture.Start.AddHours(9), late));
        Assert.Contains("golden-day closed at 2026-11-24 17:00 UTC", late.ToString());
    }

    private const string TestIncidentFix = "modprobe netcap buf_alloc=vmalloc";

    [Fact]
    public void EventTickets_RosterWithUnknownBracket_NamesTheLine()
    {
        var err = new StringWriter();
        string eventFile = Path.Combine(_root, "day.event.yaml");
        var e = new EventDefinition("day", "Day", [EventFixture.Incident], new EventRules(true, 100, EventFixture.Start, EventFixture.Start.AddDays(1), 0), ["open"], TeamScoring.SumOfMembersBest);
        EventOrganiser.New(e, eventFile, TextWriter.Null, err);
        string roster = Path.Combine(_root, "roster.csv");
        File.WriteAllText(roster, "name,team,bracket\nAda,red,open\nBob,red,pro\n");
        Assert.Equal(ExitCodes.Usage, EventOrganiser.Tickets(eventFile, roster, Path.Combine(_root, "t"), TextWriter.Null, err));
        Assert.Contains("line 3: bracket 'pro' is not one of the event's: open", err.ToString());
    }
}
