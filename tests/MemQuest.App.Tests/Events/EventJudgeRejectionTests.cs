// Every bad file or run is rejected by name with its reason while the good file beside it is still
// judged; scores are always the replay's, never the file's.
using MemQuest.App.Events;
using MemQuest.Scenarios.Events;
using MemQuest.Scenarios.Play;

namespace MemQuest.App.Tests.Events;

public sealed class EventJudgeRejectionTests : IDisposable
{
    private readonly EventFixture _f = new();
    private readonly Ticket _ada, _bob;

    public EventJudgeRejectionTests()
    {
        _ada = _f.TicketFor("Ada", "red", "junior");
        _bob = _f.TicketFor("Bob", "red", "senior");
        _f.Write("ada.json", _f.SubmissionOf(_ada, 60, EventFixture.Played(_ada, EventFixture.Par, 30)));
    }

    public void Dispose() => _f.Dispose();

    private JudgeResult Judge(int jobs = 2) => EventJudge.Judge(_f.Event, _f.Secret, EventFixture.Catalog, _f.Submissions, jobs);

    private static void AssertAdaStillJudged(JudgeResult r) =>
        Assert.Contains(r.Runs, run => run.Player == "Ada" && run.Won && run.Total > 0);

    private static void AssertRejected(JudgeResult r, string file, string reasonPart) =>
        Assert.Contains(r.Rejections, x => x.File == file && x.Reason.Contains(reasonPart, StringComparison.Ordinal));

    [Fact]
    public void Judge_ClaimedScoreEdited_ScoredByReplay()
    {
        _f.Write("bob.json", _f.SubmissionOf(_bob, 61, EventFixture.Played(_bob, [], 20) with { ClaimedTotal = 1000 }));
        JudgeResult r = Judge();
        JudgedRun bob = Assert.Single(r.Runs, x => x.Player == "Bob");
        Assert.False(bob.Won);
        Assert.Equal(0, bob.Total);
        Assert.Empty(r.Rejections);
    }

    [Fact]
    public void Judge_CommandLogEditedAfterPlay_RunRejected()
    {
        SubmittedRun played = EventFixture.Played(_bob, [], 20);
        SubmittedRun edited = played with { Log = played.Log with { Commands = EventFixture.Par } };
        _f.Write("bob.json", _f.SubmissionOf(_bob, 61, edited));
        JudgeResult r = Judge();
        AssertRejected(r, "bob.json", "the command log was edited");
        Assert.DoesNotContain(r.Runs, x => x.Player == "Bob");
        AssertAdaStillJudged(r);
    }

    [Fact]
    public void Judge_SeedEdited_RunRejected()
    {
        SubmittedRun played = EventFixture.Played(_bob, EventFixture.Par, 20);
        _f.Write("bob.json", _f.SubmissionOf(_bob, 61, played with { Log = played.Log with { Seed = played.Log.Seed + 1 } }));
        JudgeResult r = Judge();
        AssertRejected(r, "bob.json", "the seed was edited or the log was copied");
        AssertAdaStillJudged(r);
    }

    [Fact]
    public void Judge_LogCopiedFromAnotherPlayer_RunRejected()
    {
        _f.Write("bob.json", _f.SubmissionOf(_bob, 61, EventFixture.Played(_ada, EventFixture.Par, 20)));
        JudgeResult r = Judge();
        AssertRejected(r, "bob.json", "the seed was edited or the log was copied");
        AssertAdaStillJudged(r);
    }

    [Fact]
    public void Judge_TicketSignatureBad_FileRejected()
    {
        Ticket forged = _bob with { Bracket = "junior" };
        _f.Write("bob.json", _f.SubmissionOf(forged, 61, EventFixture.Played(forged, EventFixture.Par, 20)));
        JudgeResult r = Judge();
        AssertRejected(r, "bob.json", "signature does not match");
        Assert.DoesNotContain(r.Entrants, t => t.Player == "Bob");
        AssertAdaStillJudged(r);
    }

    [Fact]
    public void Judge_TicketOfAnotherEvent_FileRejected()
    {
        var other = _f.Event with { Id = "other-day" };
        Ticket t = Tickets.Issue(_f.Secret, other, "Bob", "red", "senior");
        _f.Write("bob.json", _f.SubmissionOf(t, 61));
        AssertRejected(Judge(), "bob.json", "is for event 'other-day'");
    }

    [Fact]
    public void Judge_RunRecordedOnOtherContent_RunRejected()
    {
        SubmittedRun played = EventFixture.Played(_bob, EventFixture.Par, 20);
        _f.Write("bob.json", _f.SubmissionOf(_bob, 61, played with { Log = played.Log with { ContentDigest = new string('A', 64) } }));
        JudgeResult r = Judge();
        AssertRejected(r, "bob.json", "recorded on other content");
        AssertAdaStillJudged(r);
    }

    [Fact]
    public void Judge_TruncatedFile_FileRejected()
    {
        string text = SubmissionFile.Write(_f.SubmissionOf(_bob, 61, EventFixture.Played(_bob, EventFixture.Par, 20)));
        _f.WriteText("bob.json", text[..(text.Length / 2)]);
        JudgeResult r = Judge();
        AssertRejected(r, "bob.json", "not a valid submission");
        AssertAdaStillJudged(r);
    }

    [Fact]
    public void Judge_RandomBytes_FileRejected()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(_f.Submissions, "noise.json"), bytes);
        JudgeResult r = Judge();
        Assert.Contains(r.Rejections, x => x.File == "noise.json");
        AssertAdaStillJudged(r);
    }

    [Fact]
    public void Judge_OneGigabyteFile_RejectedBySizeWithoutReading()
    {
        using (var s = new FileStream(Path.Combine(_f.Submissions, "huge.json"), FileMode.CreateNew)) s.SetLength(1L << 30);
        JudgeResult r = Judge();
        AssertRejected(r, "huge.json", $"is {1L << 30} bytes, over the limit of {SubmissionFile.MaxBytes}");
        AssertAdaStillJudged(r);
    }

    [Fact]
    public void Judge_FileNotNamedJson_StillJudgedAndRejectedByName()
    {
        _f.WriteText("notes.txt", "see you at 5");
        JudgeResult r = Judge();
        AssertRejected(r, "notes.txt", "not a valid submission");
        AssertAdaStillJudged(r);
    }

    [Fact]
    public void Judge_SymbolicLink_NotFollowed()
    {
        string target = Path.Combine(_f.Root, "elsewhere.json");
        File.WriteAllText(target, SubmissionFile.Write(_f.SubmissionOf(_bob, 61, EventFixture.Played(_bob, EventFixture.Par, 20))));
        File.CreateSymbolicLink(Path.Combine(_f.Submissions, "bob.json"), target);
        JudgeResult r = Judge();
        AssertRejected(r, "bob.json", "is a symbolic link");
        Assert.DoesNotContain(r.Entrants, t => t.Player == "Bob");
        AssertAdaStillJudged(r);
    }

    [Fact]
    public void Judge_UnknownMember_FileRejected()
    {
        string text = SubmissionFile.Write(_f.SubmissionOf(_bob, 61)).Replace("\"player\":", "\"score\": 1000, \"player\":");
        _f.WriteText("bob.json", text);
        AssertRejected(Judge(), "bob.json", "not a valid submission");
    }

    [Fact]
    public void Judge_TwoSubmissionsFromOnePlayer_LatestCounts()
    {
        _f.Write("ada-2.json", _f.SubmissionOf(_ada, 90, EventFixture.Played(_ada, [], 80)));
        JudgeResult r = Judge();
        AssertRejected(r, "ada.json", "superseded by ada-2.json");
        Assert.False(Assert.Single(r.Runs).Won);
    }

    [Fact]
    public void Judge_RunOutsideWindow_RunRejected()
    {
        _f.Write("bob.json", _f.SubmissionOf(_bob, 61, EventFixture.Played(_bob, EventFixture.Par, 60 * 9)));
        AssertRejected(Judge(), "bob.json", "outside the event window");
    }
}
