using LiteDB;

namespace MemQuest.Persistence.Tests;

public sealed class SchemaMigrationTests
{
    private static readonly DateTime s_played = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    /// <summary>Writes a save as schema version 1 laid it out (see <see cref="SchemaVersion"/>).</summary>
    private static void WriteVersion1(string path, int userVersion = 1)
    {
        using var db = new LiteDatabase(path);
        db.GetCollection("meta").Insert(new BsonDocument { ["_id"] = "memquest", ["App"] = "MemQuest", ["CreatedUtc"] = s_played });
        db.GetCollection("profiles").Insert(new BsonDocument
        {
            ["_id"] = 1, ["Name"] = "Ada", ["NameKey"] = "ada", ["CreatedUtc"] = s_played,
        });
        db.GetCollection("progress").Insert(new BsonDocument
        {
            ["_id"] = "1/billing-oom", ["ProfileId"] = 1, ["IncidentId"] = "billing-oom", ["Solved"] = true,
            ["Stars"] = 2, ["Best"] = 640, ["HintsBought"] = new BsonArray { "look-at-dmesg" }, ["Played"] = s_played,
        });
        db.UserVersion = userVersion;
    }

    [Fact]
    public void Open_Version1Save_MigratesToCurrentAndKeepsOldCopy()
    {
        using var saves = new TempSaves();
        WriteVersion1(saves.DataPath);
        var original = File.ReadAllBytes(saves.DataPath);

        var (saveLock, store) = saves.OpenStore();
        using (saveLock)
        using (store)
        {
            var profile = store.ResolveProfile("ada");
            Assert.Empty(profile.Settings);
            var progress = store.FindProgress(profile.Id, "billing-oom")!;
            Assert.Equal(640, progress.BestScore);
            Assert.Equal(s_played, progress.LastPlayedUtc.ToUniversalTime());
            Assert.Equal(["look-at-dmesg"], progress.HintsBought);
            Assert.True(progress.Solved);
            store.SaveSetting(profile.Id, "speed", "1x");
        }
        Assert.Equal(original, File.ReadAllBytes(saves.DataPath + ".schema-v1-1"));
        using var db = new LiteDatabase(saves.DataPath);
        Assert.Equal(SchemaVersion.Current, db.UserVersion);
        var raw = db.GetCollection("progress").FindById("1/billing-oom");
        Assert.False(raw.ContainsKey("Best"));
        Assert.False(raw.ContainsKey("Played"));
    }

    [Fact]
    public void Open_SaveFromNewerGame_RefusedAndUntouched()
    {
        using var saves = new TempSaves();
        WriteVersion1(saves.DataPath, userVersion: SchemaVersion.Current + 1);
        var original = File.ReadAllBytes(saves.DataPath);

        using var saveLock = saves.Lock();
        var result = SaveStore.Open(saveLock, saves.Clock);
        Assert.Equal(SaveOpenStatus.TooNew, result.Status);
        Assert.Contains("newer MemQuest", result.Message);
        Assert.Equal(original, File.ReadAllBytes(saves.DataPath));
    }
}
