using MemQuest.Persistence;
using MemQuest.Persistence.Documents;

namespace MemQuest.App.Tests.Cli;

public sealed class ProfileCommandTests
{
    [Fact]
    public void CreateThenList_ShowsTheProfile()
    {
        using var cli = new ProfileCli();
        var created = cli.Run("profile", "create", "Ada");
        Assert.Equal((0, "Created profile 'Ada'.\n", ""), created);
        var (code, output, _) = cli.Run("profile", "list");
        Assert.Equal(0, code);
        Assert.Contains("Ada", output);
        Assert.Contains("2026-11-24", output);
    }

    [Fact]
    public void List_NoProfiles_SaysHowToCreateOne()
    {
        using var cli = new ProfileCli();
        var (code, output, _) = cli.Run("profile", "list");
        Assert.Equal(0, code);
        Assert.Contains("memquest profile create NAME", output);
    }

    [Fact]
    public void Create_DuplicateOrBadName_FailsWithReason()
    {
        using var cli = new ProfileCli();
        cli.Run("profile", "create", "Ada");
        var dup = cli.Run("profile", "create", "ada");
        Assert.Equal(1, dup.Code);
        Assert.Contains("already exists", dup.Err);
        var bad = cli.Run("profile", "create", "a/b");
        Assert.Equal(1, bad.Code);
        Assert.Contains("may use only letters", bad.Err);
    }

    [Fact]
    public void ExportThenImport_MovesProfileToAnotherSave()
    {
        using var cli = new ProfileCli();
        cli.Run("profile", "create", "Ada");
        AddWonRun(cli.Saves, "Ada");
        var file = Path.Combine(cli.Root, "ada.json");
        var exported = cli.Run("profile", "export", file);
        Assert.Equal((0, ""), (exported.Code, exported.Err));
        Assert.Contains("1 incidents, 1 runs", exported.Out);
        Assert.Equal(1, cli.Run("profile", "export", file).Code);   // never overwrites

        using var other = new ProfileCli();
        var imported = other.Run("profile", "import", file);
        Assert.Equal((0, ""), (imported.Code, imported.Err));
        Assert.Contains("Ada", other.Run("profile", "list").Out);
        var again = other.Run("profile", "import", file);
        Assert.Equal(1, again.Code);
        Assert.Contains("--as NAME", again.Err);
        Assert.Equal(0, other.Run("profile", "import", file, "--as", "Ada 2").Code);
    }

    [Fact]
    public void Import_HostileFile_FailsAndSaveUntouched()
    {
        using var cli = new ProfileCli();
        cli.Run("profile", "create", "Ada");
        var before = File.ReadAllBytes(Path.Combine(cli.Saves, SaveLock.DataFileName));
        var file = Path.Combine(cli.Root, "evil.json");
        File.WriteAllText(file, "{\"format\":\"memquest-profile\",\"formatVersion\":1,\"hack\":true}");
        var (code, _, err) = cli.Run("profile", "import", file);
        Assert.Equal(1, code);
        Assert.Contains("Your saves were not changed", err);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(cli.Saves, SaveLock.DataFileName)));
    }

    [Fact]
    public void Export_TwoProfilesNoProfileOption_AsksWhichOne()
    {
        using var cli = new ProfileCli();
        cli.Run("profile", "create", "Ada");
        cli.Run("profile", "create", "Bob");
        var (code, _, err) = cli.Run("profile", "export", Path.Combine(cli.Root, "x.json"));
        Assert.Equal(1, code);
        Assert.Contains("--profile NAME", err);
        Assert.Equal(0, cli.Run("profile", "export", Path.Combine(cli.Root, "x.json"), "--profile", "bob").Code);
    }

    [Fact]
    public void Reset_NeedsYesWhenNotInteractive_ThenForgetsTheIncident()
    {
        using var cli = new ProfileCli();
        cli.Run("profile", "create", "Ada");
        AddWonRun(cli.Saves, "Ada");
        var refused = cli.Run("profile", "reset", "--incident", "billing-oom");
        Assert.Equal(2, refused.Code);
        Assert.Contains("--yes", refused.Err);
        Assert.Contains("   1", cli.Run("profile", "list").Out);
        Assert.Equal(0, cli.Run("profile", "reset", "--incident", "billing-oom", "--yes").Code);
        Assert.Contains("     0      0      0", cli.Run("profile", "list").Out);
    }

    [Fact]
    public void Reset_InteractiveAnswerNo_ResetsNothing()
    {
        using var cli = new ProfileCli(stdin: "no\n");
        cli.Run("profile", "create", "Ada");
        AddWonRun(cli.Saves, "Ada");
        var (code, output, _) = cli.Run("profile", "reset");
        Assert.Equal(1, code);
        Assert.Contains("Type 'yes' to confirm", output);
        Assert.Contains("Nothing was reset", output);
    }

    [Fact]
    public void WhileAnotherInstanceHoldsTheSave_WritesRefusedReadsReadOnly()
    {
        using var cli = new ProfileCli();
        cli.Run("profile", "create", "Ada");
        using var other = SaveLock.TryAcquire(cli.Saves)!;
        var create = cli.Run("profile", "create", "Bob");
        Assert.Equal(1, create.Code);
        Assert.Contains("Another MemQuest is already using the saves", create.Err);
        var list = cli.Run("profile", "list");
        Assert.Equal(0, list.Code);
        Assert.Contains("Ada", list.Out);
        Assert.Contains("read-only", list.Err);
    }

    [Fact]
    public void DamagedSave_ReportedThenRepairedFresh_OriginalKept()
    {
        using var cli = new ProfileCli();
        Directory.CreateDirectory(cli.Saves);
        var data = Path.Combine(cli.Saves, SaveLock.DataFileName);
        File.WriteAllText(data, "not a save\n");
        var list = cli.Run("profile", "list");
        Assert.Equal(1, list.Code);
        Assert.Contains("could not be opened", list.Err);
        Assert.Contains("memquest profile repair --rebuild", list.Err);
        Assert.Equal(2, cli.Run("profile", "repair").Code);
        var rebuild = cli.Run("profile", "repair", "--rebuild");
        Assert.Equal(1, rebuild.Code);
        Assert.Contains("--fresh", rebuild.Err);
        var fresh = cli.Run("profile", "repair", "--fresh");
        Assert.Equal(0, fresh.Code);
        Assert.Contains("Started a fresh save", fresh.Out);
        Assert.Equal("not a save\n", File.ReadAllText(data + ".damaged-1"));
        Assert.Equal(0, cli.Run("profile", "create", "Ada").Code);
    }

    [Fact]
    public void SavesFromEnvironment_UsedWhenNoOption()
    {
        using var cli = new ProfileCli();
        var envSaves = Path.Combine(cli.Root, "env-saves");
        cli.Context = cli.Context with { SavesEnvironmentValue = envSaves };
        var saves = new System.CommandLine.Option<string?>("--saves") { Recursive = true };
        var root = new System.CommandLine.RootCommand();
        root.Options.Add(saves);
        root.Subcommands.Add(App.Cli.ProfileCommand.Create(saves, cli.Context));
        var output = new StringWriter();
        Assert.Equal(0, root.Parse(["profile", "create", "Ada"]).Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = output }));
        Assert.True(File.Exists(Path.Combine(envSaves, SaveLock.DataFileName)));
    }

    private static void AddWonRun(string saves, string profileName)
    {
        using var saveLock = SaveLock.TryAcquire(saves)!;
        using var store = SaveStore.Open(saveLock, TimeProvider.System).Store!;
        var log = new RunLog { ScenarioId = "billing-oom", Commands = [new LoggedCommand { Tick = 1, Line = "free -m" }], EndTick = 5 };
        store.RecordFinishedRun(store.ResolveProfile(profileName).Id,
            new RunRecord("billing-oom", log, new ScoreCardRecord { Total = 500, Stars = 2 }, RunOutcome.Won, "d"));
    }
}
