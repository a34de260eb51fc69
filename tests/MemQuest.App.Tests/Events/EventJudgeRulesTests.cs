// The event's rules as the judge applies them: attempt limits, the freeze time, team scoring.
using MemQuest.App.Events;
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Tests.Events;

public sealed class EventJudgeRulesTests
{
    private static Board Board(EventFixture f, DateTimeOffset? freeze = null)
    {
        JudgeResult r = EventJudge.Judge(f.Event, f.Secret, EventFixture.Catalog, f.Submissions, 2);
        return BoardBuilder.Build(f.Event, r.Entrants, r.Runs, r.Rejections, freeze);
    }

    [Fact]
    public void Judge_AttemptLimitOne_SecondRunRejected()
    {
        using var f = new EventFixture(attempts: 1);
        Ticket t = f.TicketFor("Ada", "red", "junior");
        f.Write("ada.json", f.SubmissionOf(t, 60, EventFixture.Played(t, [], 10), EventFixture.Played(t, EventFixture.Par, 20)));
        Board b = Board(f);
        Assert.Equal(0, b.Players[0].Total);
        Assert.Contains(b.Rejections, x => x.Reason.Contains("over the limit of 1 attempt(s)", StringComparison.Ordinal));
    }

    private static readonly IReadOnlyList<Scenarios.Play.Replay.LoggedCommand> ParWithHint = [new(1, "hint buy"), .. EventFixture.Par];

    [Fact]
    public void Judge_HintsOffAndHintBought_RunRejected()
    {
        using var f = new EventFixture(hints: false);
        Ticket t = f.TicketFor("Ada", "red", "junior");
        f.Write("ada.json", f.SubmissionOf(t, 60, EventFixture.Played(t, ParWithHint, 20)));
        Board b = Board(f);
        Assert.Null(b.Players[0].Best[0]);
        Assert.Contains(b.Rejections, x => x.File == "ada.json" && x.Reason.Contains("hints are off in this event", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_HintsOnAndHintBought_ChargesItsCost()
    {
        using var f = new EventFixture();
        Ticket t = f.TicketFor("Ada", "red", "junior");
        f.Write("ada.json", f.SubmissionOf(t, 60, EventFixture.Played(t, ParWithHint, 20), EventFixture.Played(t, EventFixture.Par, 21)));
        JudgeResult r = EventJudge.Judge(f.Event, f.Secret, EventFixture.Catalog, f.Submissions, 2);
        int hintCost = EventFixture.Scenario.Hints[0].Cost;
        Assert.Equal(2, r.Runs.Count);
        Assert.True(r.Runs[1].Total > hintCost);
        Assert.Equal(r.Runs[1].Total - hintCost, r.Runs[0].Total);
    }

    [Fact]
    public void Board_FrozenBeforeASolve_HidesIt()
    {
        using var f = new EventFixture();
        f.WriteGolden();
        Board b = Board(f, EventFixture.Start.AddMinutes(15));
        Assert.Equal("Cy", b.Players[0].Player);
        Assert.Null(b.Players.Single(p => p.Player == "Ada").Best[0]);
        Assert.Contains("frozen at 2026-11-24T09:15:00Z", BoardText.Table(b));
    }

    [Fact]
    public void Board_BestPerIncidentTeamScoring_TakesTheBestMember()
    {
        using var f = new EventFixture(TeamScoring.BestPerIncident);
        f.WriteGolden();
        Board b = Board(f);
        TeamRow red = b.Teams.Single(t => t.Team == "red");
        Assert.Equal(b.Players.Single(p => p.Player == "Ada").Total, red.Total);
    }

    [Fact]
    public void Status_GoldenEvent_ShowsSolvedAndStuck()
    {
        using var f = new EventFixture();
        Ticket t = f.TicketFor("Dee", "blue", "junior");
        f.Write("dee.json", f.SubmissionOf(t, 60, EventFixture.Played(t, [], 10), EventFixture.Played(t, [], 11), EventFixture.Played(t, [], 12)));
        Ticket a = f.TicketFor("Ada", "red", "junior");
        f.Write("ada.json", f.SubmissionOf(a, 60, EventFixture.Played(a, EventFixture.Par, 30)));
        JudgeResult r = EventJudge.Judge(f.Event, f.Secret, EventFixture.Catalog, f.Submissions, 1);
        string table = EventStatus.Table(f.Event, r.Entrants, r.Runs, r.Rejections);
        Assert.Contains("Dee     blue  3 tried        0/1     netcap-buffer", table);
        Assert.Contains("Ada     red   solved/1       1/1     -", table);
    }
}
