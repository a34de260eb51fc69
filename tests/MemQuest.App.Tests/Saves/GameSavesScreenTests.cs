// The game wired to its save, driven with keys headlessly (GameScript): first run, progress that
// survives a restart, hints, Continue by replay, a second instance, a damaged file.
using MemQuest.App.Saves;
using MemQuest.App.Screens;
using MemQuest.App.Tests.Screens;
using MemQuest.Persistence;
using MemQuest.Persistence.Documents;
using MemQuest.Scenarios.Play;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace MemQuest.App.Tests.Saves;

public sealed class GameSavesScreenTests : IDisposable
{
    private readonly TempGame _game = new();

    public void Dispose() => _game.Dispose();

    /// <summary>The title screen's note (wrapped to the screen) as one line.</summary>
    internal static bool NoteSays(IApplication app, string text) =>
        app.TopRunnable is TitleScreen t && t.Note.Replace('\n', ' ').Contains(text, StringComparison.Ordinal);

    [Fact]
    public void FirstRun_AsksForAName_CreatesTheProfile()
    {
        string last = new GameScript()
            .Type("What is your name?", "Ada")
            .When("Hello, Ada", Key.Q.WithCtrl)
            .Run(_game.Options);
        Assert.Contains("Profile: Ada", last);
        Assert.Equal(["Ada"], _game.WithStore(s => s.ListProfiles().Select(p => p.Name).ToList()));
    }

    [Fact]
    public void FirstRun_CtrlQInTheTutorial_ConfirmedQuitsTheGame()
    {
        // The first run plays the tutorial from inside the name prompt; a confirmed quit there must end
        // the game, not drop back to the title screen. GameScript fails if the game does not quit.
        new GameScript()
            .Type("What is your name?", "Ada")
            .When("Enter: start the incident", Key.Enter)
            .When("root#", Key.Q.WithCtrl)
            .When("Leave the incident?", Key.Y)
            .Run(new GameOptions(ContentRoot: TutorialContent.Root, SavesDirectory: _game.Saves));
    }

    [Fact]
    public void FirstRun_BadName_SaysWhyAndAsksAgain()
    {
        new GameScript()
            .Type("What is your name?", "a/b")
            .When("the reason on the title", app => NoteSays(app, "may use only letters, digits, spaces"), _ => { })
            .Type("What is your name?", "Ada")
            .When("Hello, Ada", Key.Q.WithCtrl)
            .Run(_game.Options);
        Assert.Equal(["Ada"], _game.WithStore(s => s.ListProfiles().Select(p => p.Name).ToList()));
    }

    [Fact]
    public void FinishedIncident_AfterRestartOnTheSameSave_CampaignShowsStarsAndBest()
    {
        ProfileDocument ada = _game.CreateProfile("Ada");
        new GameScript()
            .When("Campaign", Key.Enter)                       // title: Campaign is selected (nothing to continue)
            .When("010 09:40 page: netcap", Key.Enter)         // map
            .When("Enter: start the incident", Key.Enter)      // briefing
            .Type("root#", TestIncident.Fix)
            .OnIncident(s => { s.Session.RunToEnd(); s.Refresh(); })
            .When("Debrief", Key.F10)
            .When("Reset one", Key.F10)
            .When("Profile: Ada", Key.Q.WithCtrl)
            .Run(_game.Options);

        RunDocument run = _game.WithStore(s => s.ListRuns(ada.Id).Single());
        Assert.Equal(RunOutcome.Won, run.Outcome);
        Assert.Equal(TestIncident.Catalog.Digest, run.Log.ContentDigest);
        Assert.Equal(MemQuest.Engine.EngineInfo.Version, run.Log.EngineVersion);
        Assert.Equal(TestIncident.Fix, run.Log.Commands.Single().Line);
        Assert.Equal(IncidentFlow.Rebuild(TestIncident.Netcap, RunRecords.ToSessionLog(run.Log)).Digest(), run.FinalStateDigest);
        ProgressDocument progress = _game.WithStore(s => s.FindProgress(ada.Id, "netcap-buffer"))!;
        Assert.True(progress.Solved);
        Assert.Equal(run.Score.Total, progress.BestScore);

        string map = "";
        new GameScript()
            .When("Campaign", Key.Enter)
            .When("010 09:40 page: netcap", app => GameScript.Screen(app).Contains("010 09:40", StringComparison.Ordinal), app => { map = GameScript.Screen(app); app.InjectKey(Key.F10); })
            .When("Profile: Ada", Key.Q.WithCtrl)
            .Run(_game.Options);
        string row = map.Split('\n').Single(l => l.Contains("010 09:40", StringComparison.Ordinal));
        Assert.Contains(new string('★', progress.Stars) + new string('☆', 3 - progress.Stars), row);
        Assert.Contains($" {progress.BestScore} ", row);
    }

    [Fact]
    public void HintBought_IsSavedAtOnce()
    {
        ProfileDocument ada = _game.CreateProfile("Ada");
        new GameScript()
            .When("Campaign", Key.Enter)
            .When("010 09:40 page: netcap", Key.Enter)
            .When("Enter: start the incident", Key.Enter)
            .Type("root#", "hint buy")
            .When("the hint bought", app => app.TopRunnable is IncidentScreen s && s.Session.Incident.Hints.Bought == 1, _ => { })
            .When("the saved hint", _ => true, _ => { })
            .When("root#", Key.Q.WithCtrl)
            .When("Leave the incident?", Key.Y)
            .Run(_game.Options);
        ProgressDocument progress = _game.WithStore(s => s.FindProgress(ada.Id, "netcap-buffer"))!;
        Assert.Equal(["hint-1"], progress.HintsBought);
        Assert.False(progress.Solved);
    }

    [Fact]
    public void QuitMidIncident_StartAgain_ContinueReplaysToTheSameDigest()
    {
        ProfileDocument ada = _game.CreateProfile("Ada");
        string? left = null;
        new GameScript()
            .When("Campaign", Key.Enter)
            .When("010 09:40 page: netcap", Key.Enter)
            .When("Enter: start the incident", Key.Enter)
            .OnIncident(s => s.Clock.TogglePause())
            .Type("root#", "free")
            .When("free's output", app => app.TopRunnable is IncidentScreen s && s.Session.Transcript.Count == 1, _ => { })
            .OnIncident(s => left = s.Session.Digest())
            .When("root#", Key.Q.WithCtrl)
            .When("Leave the incident?", Key.Y)
            .Run(_game.Options);
        UnfinishedRunDocument kept = _game.WithStore(s => s.ListUnfinished(ada.Id).Single());
        Assert.Equal("free", kept.Log.Commands.Single().Line);
        Assert.Equal(left, IncidentFlow.Rebuild(TestIncident.Netcap, RunRecords.ToSessionLog(kept.Log)).Digest());

        Session? resumed = null;
        long resumedAtTick = -1;
        string? resumedDigest = null;
        new GameScript()
            .When("Continue: 010", Key.Enter)
            .OnIncident(s => { s.Clock.TogglePause(); resumed = s.Session; resumedAtTick = s.Session.Tick; resumedDigest = s.Session.Digest(); })
            .When("root#", Key.Q.WithCtrl)
            .When("Leave the incident?", Key.Y)
            .Run(_game.Options);
        Assert.NotNull(resumed);
        Assert.Equal("free", resumed!.Log.Commands.Single().Line);
        Session expected = IncidentFlow.Rebuild(TestIncident.Netcap, RunRecords.ToSessionLog(kept.Log));
        Assert.True(resumedAtTick >= kept.Log.EndTick);
        expected.Advance(resumedAtTick - expected.Tick);   // the resumed clock may have run a few ticks before the pause
        Assert.Equal(expected.Digest(), resumedDigest);
    }

    [Fact]
    public void SecondInstance_OpensReadOnly_SaysSoAndNeverWrites()
    {
        _game.CreateProfile("Ada");
        using (SaveLock other = SaveLock.TryAcquire(_game.Saves)!)
        {
            string last = new GameScript()
                .When("the read-only note", app => NoteSays(app, "this one is read-only"), _ => { })
                .When("Profile: Ada (read-only)", Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.Enter)   // Settings
                .When("colours 16", Key.Q.WithCtrl)
                .Run(_game.Options);
            Assert.Contains("Profile: Ada (read-only)", last);
        }
        Assert.False(_game.WithStore(s => s.ListProfiles().Single()).Settings.ContainsKey(GameSaves.ColoursSetting));
    }

    [Fact]
    public void SettingChange_IsSavedInTheProfile_AndUsedAtTheNextStart()
    {
        _game.CreateProfile("Ada");
        new GameScript()
            .When("Profile: Ada", Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.Enter)   // Settings
            .When("colours 16", Key.Q.WithCtrl)
            .Run(_game.Options);
        Assert.Equal("16", _game.WithStore(s => s.ListProfiles().Single()).Settings[GameSaves.ColoursSetting]);
        string last = new GameScript().When("Profile: Ada", Key.Q.WithCtrl).Run(_game.Options);
        Assert.Contains("colours 16", last);
    }

    [Fact]
    public void DamagedSave_PlayerIsToldAndRebuildKeepsTheProfile()
    {
        ProfileDocument ada = _game.CreateProfile("Ada");
        _game.WithStore(s =>
        {
            for (int i = 0; i < 60; i++)
                s.RecordFinishedRun(ada.Id, new RunRecord("netcap-buffer", new RunLog { ScenarioId = "netcap-buffer", Commands = [new() { Tick = i, Line = new string('x', 200) }] },
                    new ScoreCardRecord { Total = i, Stars = 1 }, RunOutcome.Won, "d"));
            return 0;
        });
        string data = Path.Combine(_game.Saves, SaveLock.DataFileName);
        byte[] bytes = File.ReadAllBytes(data)[..^1000];
        File.WriteAllBytes(data, bytes);

        new GameScript()
            .When("the damage note", app => NoteSays(app, "could not be opened") && NoteSays(app, "copied, untouched"), _ => { })
            .When("Rebuild the save", Key.Enter)
            .When("the rebuild note", app => NoteSays(app, "rebuilt"), _ => { })
            .When("Profile: Ada", Key.Q.WithCtrl)
            .Run(_game.Options);
        Assert.Equal(bytes, File.ReadAllBytes(data + ".damaged-1"));
        Assert.Equal("Ada", _game.WithStore(s => s.ListProfiles().Single().Name));
    }

    [Fact]
    public void ForeignSave_StartFresh_ThenFirstRunAsksForAName()
    {
        Directory.CreateDirectory(_game.Saves);
        string data = Path.Combine(_game.Saves, SaveLock.DataFileName);
        File.WriteAllText(data, "not a save at all\n");
        new GameScript()
            .When("the damage note", app => NoteSays(app, "could not be opened"), _ => { })
            .When("Start a fresh save", Key.CursorDown, Key.Enter)
            .Type("What is your name?", "Bo")
            .When("Hello, Bo", Key.Q.WithCtrl)
            .Run(_game.Options);
        Assert.Equal("not a save at all\n", File.ReadAllText(data + ".damaged-1"));
        Assert.Equal("Bo", _game.WithStore(s => s.ListProfiles().Single().Name));
    }
}
