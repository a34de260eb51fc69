using MemQuest.App.Presentation;
using MemQuest.App.Screens;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;
using MemQuest.Scenarios.Scoring;
using Terminal.Gui.Input;

namespace MemQuest.App.Tests.Screens;

public sealed class CampaignAndDebriefTests
{
    private static CampaignScreen Campaign(CampaignProgress progress) =>
        new(() => CampaignRows.From(TestIncident.Catalog.Scenarios, progress, _ => null), progress);

    [Fact]
    public void Campaign_Enter_PlaysTheFirstIncident()
    {
        using var h = new Headless();
        var progress = new CampaignProgress();
        using var screen = Campaign(progress);
        var played = new List<string>();
        screen.PlayChosen += played.Add;
        h.Begin(screen);
        Assert.Contains("010 09:40 page: netcap", h.Screen());
        h.Press(Key.Enter);
        Assert.Equal(["netcap-buffer"], played);
    }

    [Fact]
    public void Campaign_Detail_ShowsTopicsWithTheirUnderscores()
    {
        // Terminal.Gui reads '_' in a label as a hotkey marker unless told not to: oom_score_adj lost one.
        using var h = new Headless();
        var progress = new CampaignProgress();
        using var screen = new CampaignScreen(() => CampaignRows.From(TutorialContent.Catalog.Scenarios.Where(s => s.Id == "billing-oom").ToList(), progress, _ => null), progress);
        h.Begin(screen);
        Assert.Contains("topics: oom, oom_score_adj, leak, heaptrack", h.Screen());
    }

    [Fact]
    public void Campaign_ResetOne_AsksThenForgetsTheScore()
    {
        using var h = new Headless();
        var progress = new CampaignProgress();
        progress.Record("netcap-buffer", 840, 2);
        using var screen = Campaign(progress);
        h.Begin(screen);
        Assert.Contains("★★☆   840", h.Screen());
        h.Press(Key.F3);
        Assert.Contains("Forget the score and stars of 010?", h.Screen());
        h.Press(Key.N);
        Assert.NotNull(progress.ResultOf("netcap-buffer"));
        h.Press(Key.F3, Key.Y);
        Assert.Null(progress.ResultOf("netcap-buffer"));
        Assert.Contains("☆☆☆     -", h.Screen());
    }

    [Fact]
    public void Briefing_Enter_Starts()
    {
        using var h = new Headless();
        using var screen = new BriefingScreen(TestIncident.Netcap);
        h.Begin(screen);
        Assert.Contains("netcap-agent must keep running", h.Screen());
        h.Press(Key.Enter);
        Assert.True(screen.Started);
    }

    [Theory] // F10's hint names where it goes back to: the tutorial is opened from the title screen
    [InlineData(null, "F10: back to the campaign")]
    [InlineData("the title screen", "F10: back to the title screen")]
    public void Briefing_BackHint_NamesWhereF10Returns(string? backTo, string expected)
    {
        using var h = new Headless();
        using var screen = backTo is null ? new BriefingScreen(TestIncident.Netcap) : new BriefingScreen(TestIncident.Netcap, backTo);
        h.Begin(screen);
        Assert.Contains(expected, h.Screen());
    }

    [Fact]
    public void Briefing_YamlLineBreaks_ReflowToTheWindowWidth()
    {
        // The netcap briefing is two YAML lines; wide, they are one paragraph on one row; at 80 columns
        // the paragraph wraps at word boundaries, never at the author's break.
        using var h = new Headless(200, 60);
        using var screen = new BriefingScreen(TestIncident.Netcap);
        h.Begin(screen);
        Assert.Contains(h.Rows(), r => r.Contains("with an 8 MiB ring and fails to load. netcap-agent must keep running and reading the ring.", StringComparison.Ordinal));
        h.Resize(80, 24);
        string[] rows = h.Rows();
        Assert.Contains(rows, r => r.Contains("│ 09:40 - the packet-capture module netcap was rebuilt with an 8 MiB ring and  │", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("│ fails to load. netcap-agent must keep running and reading the ring.", StringComparison.Ordinal));
    }

    private static (Session Session, ScoreCard Card) WonRun()
    {
        Session s = TestIncident.Start();
        s.Advance(20);
        s.Submit(TestIncident.Fix);
        s.RunToEnd();
        SessionOutcome outcome = SessionOutcome.Of(s);
        ScoreCard card = Scorer.Score(s.Scenario, outcome, Scorer.HiddenRuns(s.Scenario, outcome.Log), false,
            Replayer.Run(s.Scenario, Replayer.ParLog(s.Scenario, TestIncident.Catalog.Digest)));
        return (s, card);
    }

    [Fact]
    public void Debrief_WonRun_ShowsScoreParRobustnessAndReceipts()
    {
        using var h = new Headless(120, 40);
        var (session, card) = WonRun();
        using var screen = new DebriefScreen(session, card, Path.GetTempPath(), hasNext: false);
        h.Begin(screen);
        string s = h.Screen();
        Assert.Contains("SOLVED", s);
        Assert.Contains("par: ", s);
        Assert.Contains("hidden seeds", s);
        h.Press(Key.End);
        s = h.Screen();
        Assert.Contains("kmalloc", s);
    }

    [Fact]
    public void Debrief_F4_ExportsTheMarkdownPostmortem()
    {
        string dir = Path.Combine(Path.GetTempPath(), "memquest-test-" + Guid.NewGuid().ToString("N"));
        using var h = new Headless();
        var (session, card) = WonRun();
        using var screen = new DebriefScreen(session, card, dir, hasNext: false);
        h.Begin(screen);
        h.Press(Key.F4);
        string file = Directory.GetFiles(dir).Single();
        Assert.StartsWith("# Postmortem: ", File.ReadAllText(file));
        Assert.Contains("Postmortem written to", h.Screen());
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void DebriefLines_DuringAnEvent_HoldBackParAndTheRootCause()
    {
        var (session, card) = WonRun();
        string shown = string.Join("\n", DebriefLines.For(session, card, 100));
        string locked = string.Join("\n", DebriefLines.For(session, card, 100, "unlocks when day ends"));
        string rootCause = session.Scenario.Debrief.Trim().Split('\n')[0];
        string parCommand = session.Scenario.Par.Select(p => p.Command).First(c => c != TestIncident.Fix);   // "journalctl -k": par's, not the player's
        Assert.Contains(rootCause, shown);
        Assert.Contains(parCommand, shown);
        Assert.DoesNotContain(rootCause, locked);
        Assert.DoesNotContain(parCommand, locked);
        Assert.Contains("unlocks when day ends", locked);
    }

    [Fact]
    public void Debrief_F3_ChoosesRetry()
    {
        using var h = new Headless();
        var (session, card) = WonRun();
        using var screen = new DebriefScreen(session, card, Path.GetTempPath(), hasNext: false);
        h.Begin(screen);
        h.Press(Key.F3);
        Assert.Equal(DebriefChoice.Retry, screen.Choice);
    }
}
