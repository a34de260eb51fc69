using MemQuest.App.Screens;
using MemQuest.Scenarios.Play;
using Terminal.Gui.Input;

namespace MemQuest.App.Tests.Screens;

public sealed class IncidentScreenTests
{
    [Fact]
    public void Objectives_AtStart_SayWhyTheyAreUnmetInIncidentWords()
    {
        using var h = new Headless();
        using var screen = new IncidentScreen(h.App, TestIncident.Start());
        h.Begin(screen);
        string s = h.Screen();
        Assert.Contains("[ ] netcap is not loaded", s);
        Assert.Contains("[x] netcap-agent is running", s);
        Assert.StartsWith("─┤010 09:40 page: netcap", h.Rows()[0]);   // 80 columns: no side borders (ScreenEdges)
        Assert.EndsWith("09:40:00 · x1", h.Rows()[3]);
    }

    [Fact]
    public void At80Columns_FreePrintsItsLinesWhole_AsOnAn80ColumnTerminal()
    {
        using var h = new Headless(80, 24);
        using var screen = new IncidentScreen(h.App, TestIncident.Start());
        h.Begin(screen);
        h.Type("free");
        h.Press(Key.Enter);
        string[] rows = h.Rows();
        Assert.True(rows.Any(r => r.TrimEnd() == "               total        used        free      shared  buff/cache   available"), string.Join("\n", rows));
        int mem = Array.FindIndex(rows, r => r.StartsWith("Mem: ", StringComparison.Ordinal));
        Assert.True(mem > 0 && rows[mem + 1].StartsWith("Swap: ", StringComparison.Ordinal), string.Join("\n", rows));   // no wrapped tail between them
    }

    [Fact]
    public void WiderThan82Columns_TheWindowAndConsoleKeepAllFourSides()
    {
        using var h = new Headless(120, 40);
        using var screen = new IncidentScreen(h.App, TestIncident.Start());
        h.Begin(screen);
        Assert.StartsWith("┌┤010 09:40 page: netcap", h.Rows()[0]);
        Assert.EndsWith("│", h.Rows()[3]);
        Assert.Contains(h.Rows(), r => r.Contains("┌┤Console├", StringComparison.Ordinal));
    }

    [Fact]
    public void Console_FixTyped_ObjectiveTurnsMetAndIsLogged()
    {
        using var h = new Headless();
        Session session = TestIncident.Start();
        using var screen = new IncidentScreen(h.App, session);
        h.Begin(screen);
        h.Type(TestIncident.Fix);
        h.Press(Key.Enter);
        Assert.Contains("[x] netcap is loaded and holds its ring", h.Screen());
        Assert.Equal([TestIncident.Fix], session.Log.Commands.Select(c => c.Line));
    }

    [Fact]
    public void ActionsMenu_ShowsCommandsAndRunsTheChosenOne()
    {
        using var h = new Headless(120, 40);
        Session session = TestIncident.Start();
        using var screen = new IncidentScreen(h.App, session);
        h.Begin(screen);
        h.Press(Key.F2);
        Assert.True(screen.ActionsOpen);
        Assert.Contains("$ " + TestIncident.Fix, h.Screen());
        int index = screen.Actions.ToList().FindIndex(a => a.Command == TestIncident.Fix);
        for (int i = 0; i < index; i++) h.Press(Key.CursorDown);
        h.Press(Key.Enter);
        Assert.False(screen.ActionsOpen);
        Assert.Contains("root# " + TestIncident.Fix, h.Screen());
        Assert.Equal([TestIncident.Fix], session.Log.Commands.Select(c => c.Line));
    }

    [Fact]
    public void Beats_AfterFixToEndTick_WinAndRaiseFinished()
    {
        using var h = new Headless();
        Session session = TestIncident.Start();
        using var screen = new IncidentScreen(h.App, session);
        int finished = 0;
        screen.Finished += () => finished++;
        h.Begin(screen);
        h.Type(TestIncident.Fix);
        h.Press(Key.Enter);
        while (session.Status == SessionStatus.Running) screen.Clock.RunBeat(16);
        Assert.Equal(SessionStatus.Won, session.Status);
        Assert.Equal(1, finished);
        Assert.Contains("Incident solved", h.Screen());
    }

    [Fact]
    public void AskToLeave_NoThenYes_ConfirmsOnlyOnYes()
    {
        using var h = new Headless();
        using var screen = new IncidentScreen(h.App, TestIncident.Start());
        h.Begin(screen);
        bool left = false;
        screen.AskToLeave(() => left = true);
        Assert.Contains("Leave the incident?", h.Screen());
        h.Press(Key.N);
        Assert.False(left);
        Assert.False(screen.Asking);
        Assert.True(screen.Console.Input.HasFocus);
        screen.AskToLeave(() => left = true);
        h.Press(Key.Y);
        Assert.True(left);
    }

    [Fact]
    public void Esc_MidIncident_NeverLeaves()
    {
        using var h = new Headless();
        using var screen = new IncidentScreen(h.App, TestIncident.Start());
        h.Begin(screen);
        h.Press(Key.Esc, Key.Esc);
        Assert.False(screen.StopRequested);
        Assert.Equal(0, h.QuitRequests);
    }

    [Fact]
    public void Rebuild_KeptLog_ReachesTheSameStateAtTheSameTick()
    {
        Session played = TestIncident.Start();
        played.Advance(37);
        played.Submit(TestIncident.Fix);
        played.Advance(12);
        Session resumed = IncidentFlow.Rebuild(TestIncident.Netcap, played.Log);
        Assert.Equal(played.Tick, resumed.Tick);
        Assert.Equal(played.Digest(), resumed.Digest());
    }
}
