// The title screen's Profile entry, driven with keys on a real save: reset one incident and
// everything (each asked first), switch profiles (remembered at the next start), export to a file
// and import it into another save — the same SaveStore calls as `memquest profile ...`.
using MemQuest.Persistence;
using MemQuest.Persistence.Documents;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace MemQuest.App.Tests.Saves;

public sealed class ProfileMenuTests : IDisposable
{
    private static readonly Key[] ToProfile = [Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.Enter];   // from Campaign (selected at start), past Lab and Tutorial
    private readonly TempGame _game = new();
    private readonly TempGame _other = new();

    public void Dispose()
    {
        _game.Dispose();
        _other.Dispose();
    }

    private static bool Note(IApplication app, string text) => GameSavesScreenTests.NoteSays(app, text);

    private (ProfileDocument Ada, ProfileDocument Bo) TwoProfilesAdaSolved()
    {
        ProfileDocument ada = _game.CreateProfile("Ada");
        ProfileDocument bo = _game.CreateProfile("Bo");
        _game.WithStore(s => s.RecordFinishedRun(ada.Id, new RunRecord("netcap-buffer", new RunLog { ScenarioId = "netcap-buffer" },
            new ScoreCardRecord { Total = 700, Stars = 2 }, RunOutcome.Won, "d")));
        return (ada, bo);
    }

    [Fact]
    public void ResetOneIncident_NoKeepsIt_YesForgetsIt()
    {
        var (ada, _) = TwoProfilesAdaSolved();
        new GameScript()
            .When("Profile: Ada", ToProfile)
            .When("Reset one incident", Key.CursorDown, Key.CursorDown, Key.Enter)
            .When("Reset which incident?", Key.Enter)
            .When("Forget the score, stars, runs and unfinished play of 010", Key.N)
            .When("Profile: Ada", Key.Enter)   // the menu still has Profile selected
            .When("Reset one incident", Key.CursorDown, Key.CursorDown, Key.Enter)
            .When("Reset which incident?", Key.Enter)
            .When("Forget the score, stars, runs and unfinished play of 010", Key.Y)
            .When("the reset note", app => Note(app, "Reset 010"), app => app.InjectKey(Key.Q.WithCtrl))
            .Run(_game.Options);
        Assert.Null(_game.WithStore(s => s.FindProgress(ada.Id, "netcap-buffer")));
        Assert.Empty(_game.WithStore(s => s.ListRuns(ada.Id)));
    }

    [Fact]
    public void ResetEverything_AsksFirst_ThenForgetsOnlyThisProfile()
    {
        var (ada, bo) = TwoProfilesAdaSolved();
        _game.WithStore(s => s.RecordHintBought(bo.Id, "netcap-buffer", "hint-1"));
        new GameScript()
            .When("Profile: Ada", ToProfile)
            .When("Reset everything", Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.Enter)
            .When("Forget ALL progress, runs and unfinished play of Ada?", Key.Y)
            .When("the reset note", app => Note(app, "Reset all progress of Ada"), app => app.InjectKey(Key.Q.WithCtrl))
            .Run(_game.Options);
        Assert.Empty(_game.WithStore(s => s.ListProgress(ada.Id)));
        Assert.Single(_game.WithStore(s => s.ListProgress(bo.Id)));
    }

    [Fact]
    public void Switch_IsRememberedAtTheNextStart()
    {
        TwoProfilesAdaSolved();
        new GameScript()
            .When("Switch to Bo", app => GameScript.Screen(app).Contains("Profile: Ada", StringComparison.Ordinal), app => { foreach (Key k in ToProfile) app.InjectKey(k); })
            .When("Switch to Bo", Key.Enter)
            .When("Profile: Bo", Key.Q.WithCtrl)
            .Run(_game.Options);
        string last = new GameScript().When("Profile: Bo", Key.Q.WithCtrl).Run(_game.Options);
        Assert.Contains("Profile: Bo", last);
    }

    [Fact]
    public void Export_ThenImportIntoAnotherSave_AddsTheProfileWithItsProgress()
    {
        TwoProfilesAdaSolved();
        string file = Path.Combine(_other.Saves + "-export", "ada.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        new GameScript()
            .When("Profile: Ada", ToProfile)
            .When("Export this profile", Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.Enter)
            .When("Write the profile to this file", app => true, app => { for (int i = 0; i < 300; i++) app.InjectKey(Key.Backspace); })
            .Type("Write the profile to this file", file)
            .When("the export note", app => Note(app, "Exported profile 'Ada' (1 incidents, 1 runs)"), app => app.InjectKey(Key.Q.WithCtrl))
            .Run(_game.Options);
        Assert.True(File.Exists(file));

        _other.CreateProfile("Cy");
        new GameScript()
            .When("Profile: Cy", ToProfile)
            .When("Import a profile", Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.Enter)
            .Type("Import a profile from this file", file)
            .When("the import note", app => Note(app, "Imported profile 'Ada'"), _ => { })
            .When("Profile: Ada", Key.Q.WithCtrl)
            .Run(_other.Options);
        ProfileDocument imported = _other.WithStore(s => s.FindProfile("Ada"))!;
        Assert.Equal(700, _other.WithStore(s => s.FindProgress(imported.Id, "netcap-buffer"))!.BestScore);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public void Import_NameTaken_AsksForAnotherNameAndImportsUnderIt()
    {
        TwoProfilesAdaSolved();
        string file = _game.Saves + "-ada.json";
        _game.WithStore(s =>
        {
            Persistence.Export.ProfileExport.WriteFile(s.ExportProfile(s.FindProfile("Ada")!.Id), file);
            return 0;
        });
        new GameScript()
            .When("Profile: Ada", ToProfile)
            .When("Import a profile", Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.Enter)
            .Type("Import a profile from this file", file)
            .When("the name prompt", app => GameScript.Screen(app).Contains("Import it under this name", StringComparison.Ordinal), app => { for (int i = 0; i < 10; i++) app.InjectKey(Key.Backspace); })
            .Type("Import it under this name", "Ada copy")
            .When("the import note", app => Note(app, "Imported profile 'Ada copy'"), app => app.InjectKey(Key.Q.WithCtrl))
            .Run(_game.Options);
        ProfileDocument copy = _game.WithStore(s => s.FindProfile("Ada copy"))!;
        Assert.Equal(700, _game.WithStore(s => s.FindProgress(copy.Id, "netcap-buffer"))!.BestScore);
        File.Delete(file);
    }

    [Fact]
    public void Import_MalformedFile_SaysWhyAndChangesNothing()
    {
        _game.CreateProfile("Cy");
        string file = _game.Saves + "-bad.json";
        File.WriteAllText(file, "{ not json");
        new GameScript()
            .When("Profile: Cy", ToProfile)
            .When("Import a profile", Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.Enter)
            .Type("Import a profile from this file", file)
            .When("the refusal", app => Note(app, "Not imported:") && Note(app, "Your saves were not changed."), app => app.InjectKey(Key.Q.WithCtrl))
            .Run(_game.Options);
        Assert.Equal(["Cy"], _game.WithStore(s => s.ListProfiles().Select(p => p.Name).ToList()));
        File.Delete(file);
    }
}
