using System.Text;
using System.Text.Json.Nodes;
using MemQuest.Persistence.Export;

namespace MemQuest.Persistence.Tests.Export;

public sealed class ProfileExportTests
{
    /// <summary>A save with one profile "ada" (settings, hints, two runs); returns its export as JSON.</summary>
    private static string SeedAndExport(TempSaves saves)
    {
        var (saveLock, store) = saves.OpenStore();
        using (saveLock)
        using (store)
        {
            var id = store.CreateProfile("ada").Id;
            store.SaveSetting(id, "speed", "2x");
            store.RecordHintBought(id, "billing-oom", "look-at-dmesg");
            store.RecordFinishedRun(id, Samples.Run());
            store.RecordFinishedRun(id, Samples.Run("dentry-bloat", Documents.RunOutcome.Lost, 100, 0));
            return ProfileExport.ToJson(store.ExportProfile(id));
        }
    }

    [Fact]
    public void ExportThenImport_IntoAnotherSave_GivesTheSameProfile()
    {
        using var source = new TempSaves();
        var json = SeedAndExport(source);
        var path = Path.Combine(source.Directory, "ada.json");
        File.WriteAllText(path, json);

        using var target = new TempSaves();
        var (saveLock, store) = target.OpenStore();
        using (saveLock)
        using (store)
        {
            var imported = store.ImportProfile(ProfileExport.ReadFile(path));
            Assert.Equal("ada", imported.Name);
            Assert.Equal("2x", imported.Settings["speed"]);
            var progress = store.ListProgress(imported.Id);
            Assert.Equal(["billing-oom", "dentry-bloat"], progress.Select(p => p.IncidentId));
            Assert.Equal(["look-at-dmesg"], progress[0].HintsBought);
            Assert.Equal((true, 2, 870), (progress[0].Solved, progress[0].Stars, progress[0].BestScore));
            var runs = store.ListRuns(imported.Id);
            Assert.Equal(2, runs.Count);
            Assert.Equal(Samples.Log().Commands, runs[0].Log.Commands);
            Assert.Equal(Samples.Card().Metrics, runs[0].Score.Metrics);
            // A second export of the imported profile is the same file (apart from the export time).
            Assert.Equal(WithoutTime(json), WithoutTime(ProfileExport.ToJson(store.ExportProfile(imported.Id))));
            Assert.Contains("already exists", Assert.Throws<SaveException>(() => store.ImportProfile(ProfileExport.ReadFile(path))).Message);
            Assert.Equal("ada2", store.ImportProfile(ProfileExport.ReadFile(path), asName: "ada2").Name);
        }
    }

    public static TheoryData<string, string> Hostile() => new()
    {
        { "not json", "not a valid profile export" },
        { "{\"format\":\"memquest-profile\"", "not a valid profile export" },
        { "null", "null" },
        { "[]", "not a valid profile export" },
        { "extra-field", "not a valid profile export" },
        { "missing-field", "not a valid profile export" },
        { "null-field", "not a valid profile export" },
        { "duplicate-field", "not a valid profile export" },
        { "negative-stars", "progress[0].stars is -1" },
        { "negative-tick", "runs[0].log.commands[0].tick is -5" },
        { "huge-line", "runs[0].log.commands[0].line is 5000 characters long" },
        { "control-chars", "contains control characters" },
        { "bad-incident", "runs[0].incidentId" },
        { "bad-name", "profile.name" },
        { "integer-outcome", "not a valid profile export" },
        { "wrong-format", "not a MemQuest profile export" },
        { "future-version", "reads version 1 only" },
        { "too-many-runs", "runs has 10001 entries" },
        { "deep", "not a valid profile export at $.format" },
        { "string-number", "not a valid profile export" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Import_HostileFile_ClearErrorAndSaveUntouched(string kind, string expected)
    {
        using var saves = new TempSaves();
        var good = SeedAndExport(saves);
        var path = Path.Combine(saves.Directory, "hostile.json");
        File.WriteAllText(path, Mutate(good, kind));
        var before = SaveBytes(saves);

        var (saveLock, store) = saves.OpenStore();
        using (saveLock)
        using (store)
        {
            var ex = Assert.Throws<SaveException>(() => store.ImportProfile(ProfileExport.ReadFile(path)));
            Assert.Contains(expected, ex.Message);
            Assert.StartsWith($"Cannot import {path}", ex.Message);
            Assert.EndsWith("Your saves were not changed.", ex.Message);
            Assert.Single(store.ListProfiles());
        }
        Assert.Equal(before, SaveBytes(saves));
    }

    [Fact]
    public void FitToLimits_TooManyOrTooLargeRuns_DropsOldestAndStaysImportable()
    {
        using var saves = new TempSaves();
        var file = ProfileExport.Parse(System.Text.Encoding.UTF8.GetBytes(SeedAndExport(saves)), "test");
        var bigRun = file.Runs[0] with
        {
            Log = file.Runs[0].Log with { Commands = Enumerable.Range(0, 1000).Select(i => new ExportedCommand(i, new string('x', 200))).ToList(), EndTick = 1000 },
        };
        var many = Enumerable.Range(0, 60).Select(i => bigRun with { FinalStateDigest = $"run-{i}" }).ToList();
        var fitted = ProfileExport.FitToLimits(file with { Runs = many });
        Assert.InRange(fitted.Runs.Count, 1, 59);
        Assert.Equal("run-59", fitted.Runs[^1].FinalStateDigest);
        Assert.Equal(file.Progress, fitted.Progress);
        var json = ProfileExport.ToJson(fitted);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(json) <= SaveLimits.ExportFileMaxBytes);
        Assert.Equal(fitted.Runs.Count, ProfileExport.Parse(System.Text.Encoding.UTF8.GetBytes(json), "fitted").Runs.Count);
    }

    [Fact]
    public void Import_OversizedFile_RefusedBeforeReading()
    {
        using var saves = new TempSaves();
        var path = Path.Combine(saves.Directory, "big.json");
        using (var stream = File.Create(path))
            stream.SetLength(SaveLimits.ExportFileMaxBytes + 1);
        var ex = Assert.Throws<SaveException>(() => ProfileExport.ReadFile(path));
        Assert.Contains("at most 8,388,608 bytes", ex.Message);
    }

    [Fact]
    public void WriteFile_ExistingFile_RefusedAndKept()
    {
        using var saves = new TempSaves();
        var path = Path.Combine(saves.Directory, "mine.txt");
        File.WriteAllText(path, "keep me");
        var file = ProfileExport.Parse(Encoding.UTF8.GetBytes(SeedAndExport(saves)), "test");
        Assert.Contains("already exists", Assert.Throws<SaveException>(() => ProfileExport.WriteFile(file, path)).Message);
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    private static byte[] SaveBytes(TempSaves saves) =>
        [.. File.ReadAllBytes(saves.DataPath), .. File.Exists(saves.LogPath) ? File.ReadAllBytes(saves.LogPath) : []];

    private static string WithoutTime(string json)
    {
        var node = JsonNode.Parse(json)!;
        node["exportedUtc"] = "";
        return node.ToJsonString();
    }

    private static string Mutate(string good, string kind)
    {
        var root = JsonNode.Parse(good)!;
        var firstRun = root["runs"]![0]!;
        var firstCommand = firstRun["log"]!["commands"]![0]!;
        switch (kind)
        {
            case "extra-field": root["profile"]!["isAdmin"] = true; break;
            case "missing-field": firstRun.AsObject().Remove("finalStateDigest"); break;
            case "null-field": firstRun["finalStateDigest"] = null; break;
            case "duplicate-field": return good.Replace("\"formatVersion\": 1,", "\"formatVersion\": 1, \"formatVersion\": 1,");
            case "negative-stars": root["progress"]![0]!["stars"] = -1; break;
            case "negative-tick": firstCommand["tick"] = -5; break;
            case "huge-line": firstCommand["line"] = new string('x', 5000); break;
            case "control-chars": firstCommand["line"] = "echo 1\u001b[2J"; break;
            case "bad-incident": firstRun["incidentId"] = "../../etc/passwd"; break;
            case "bad-name": root["profile"]!["name"] = "<script>"; break;
            case "integer-outcome": firstRun["outcome"] = 1; break;
            case "wrong-format": root["format"] = "something-else"; break;
            case "future-version": root["formatVersion"] = 2; break;
            case "string-number": root["progress"]![0]!["stars"] = "2"; break;
            case "too-many-runs":
                var runs = root["runs"]!.AsArray();
                var minimal = firstRun.DeepClone();
                minimal["log"]!["commands"] = new JsonArray();
                minimal["score"]!["metrics"] = new JsonArray();
                runs.Clear();
                for (var i = 0; i <= SaveLimits.RunsPerProfileMax; i++)
                    runs.Add(minimal.DeepClone());
                break;
            case "deep":
                return "{\"format\":" + new string('[', 100) + new string(']', 100) + "}";
            default: return kind;
        }
        return root.ToJsonString();
    }
}
