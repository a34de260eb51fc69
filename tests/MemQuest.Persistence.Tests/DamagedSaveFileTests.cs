namespace MemQuest.Persistence.Tests;

/// <summary>stack.md §3.5: damaged and foreign files are never overwritten, are reported, and are recovered where LiteDB can.</summary>
public sealed class DamagedSaveFileTests
{
    private const int Runs = 150;

    /// <summary>A save with one profile and <see cref="Runs"/> finished runs (about 30 data pages).</summary>
    private static int Populate(TempSaves saves)
    {
        var (saveLock, store) = saves.OpenStore();
        using (saveLock)
        using (store)
        {
            var id = store.CreateProfile("ada").Id;
            for (var i = 0; i < Runs; i++)
                store.RecordFinishedRun(id, Samples.Run($"incident-{i % 10}") with { Log = Samples.Log(commands: 20) });
            return id;
        }
    }

    private static SaveOpenResult OpenExpectingDamage(TempSaves saves, SaveLock saveLock, byte[] before)
    {
        var result = SaveStore.Open(saveLock, saves.Clock);
        Assert.Equal(SaveOpenStatus.Damaged, result.Status);
        Assert.Null(result.Store);
        Assert.Contains("could not be opened", result.Message);
        Assert.Contains("rebuild", result.Message);
        Assert.NotNull(result.AsideCopyPath);
        Assert.Contains(result.AsideCopyPath, result.Message);
        Assert.Equal(before, File.ReadAllBytes(result.AsideCopyPath!));
        Assert.Equal(before, File.ReadAllBytes(saves.DataPath));
        return result;
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("text")]
    [InlineData("random")]
    [InlineData("header")]
    public void Open_NotALiteDbFile_NeverOverwritesAndCannotRebuild(string kind)
    {
        using var saves = new TempSaves();
        if (kind == "header")
            Populate(saves);
        var rng = new Random(42);
        byte[] bytes = kind switch
        {
            "empty" => [],
            "text" => "my shopping list\nmilk\neggs\n"u8.ToArray(),
            "random" => RandomBytes(rng, 100_000),
            _ => File.ReadAllBytes(saves.DataPath),
        };
        if (kind == "header")
            RandomBytes(rng, 8192).CopyTo(bytes, 0);
        File.WriteAllBytes(saves.DataPath, bytes);

        using var saveLock = saves.Lock();
        OpenExpectingDamage(saves, saveLock, bytes);
        Assert.Equal(bytes, File.ReadAllBytes(saves.DataPath));

        var rebuild = SaveStore.Rebuild(saveLock, saves.Clock);
        Assert.Equal(SaveOpenStatus.RecoveryFailed, rebuild.Status);
        Assert.Contains("Start a fresh save", rebuild.Message);
        Assert.Equal(bytes, File.ReadAllBytes(saves.DataPath));

        var fresh = SaveStore.StartFresh(saveLock, saves.Clock);
        using (fresh.Store)
        {
            Assert.Equal(SaveOpenStatus.Opened, fresh.Status);
            Assert.Empty(fresh.Store!.ListProfiles());
        }
        Assert.Equal(bytes, File.ReadAllBytes(saves.DataPath + ".replaced-1"));
        Assert.Equal(bytes, File.ReadAllBytes(saves.DataPath + ".damaged-1"));
    }

    [Fact]
    public void Open_TruncatedMidPage_RebuildSalvagesMostRuns()
    {
        using var saves = new TempSaves();
        var id = Populate(saves);
        var bytes = File.ReadAllBytes(saves.DataPath)[..^1000];
        File.WriteAllBytes(saves.DataPath, bytes);

        using var saveLock = saves.Lock();
        OpenExpectingDamage(saves, saveLock, bytes);
        var rebuilt = SaveStore.Rebuild(saveLock, saves.Clock);
        using (rebuilt.Store)
        {
            Assert.Equal(SaveOpenStatus.Opened, rebuilt.Status);
            Assert.Contains("rebuilt", rebuilt.Message);
            Assert.Equal("ada", rebuilt.Store!.ResolveProfile(null).Name);
            Assert.InRange(rebuilt.Store.ListRuns(id).Count, Runs * 9 / 10, Runs);
        }
        Assert.Contains("memquest-backup.db", saves.Files());
        Assert.Equal(bytes, File.ReadAllBytes(saves.DataPath + ".damaged-1"));
    }

    [Fact]
    public void Open_TruncatedToHalfOnPageBoundary_DetectedAndRebuildStillOpens()
    {
        using var saves = new TempSaves();
        Populate(saves);
        var full = File.ReadAllBytes(saves.DataPath);
        var bytes = full[..(full.Length / 8192 / 2 * 8192)];
        File.WriteAllBytes(saves.DataPath, bytes);

        using var saveLock = saves.Lock();
        OpenExpectingDamage(saves, saveLock, bytes);
        var rebuilt = SaveStore.Rebuild(saveLock, saves.Clock);
        using (rebuilt.Store)
        {
            Assert.True(rebuilt.IsOpen, rebuilt.Message);
            Assert.Contains("rebuilt", rebuilt.Message);
        }
        Assert.Equal(bytes, File.ReadAllBytes(saves.DataPath + ".damaged-1"));
    }

    [Fact]
    public void Open_RandomBytesOverDataPages_DetectedAtOpenAndRebuilt()
    {
        using var saves = new TempSaves();
        var id = Populate(saves);
        var bytes = File.ReadAllBytes(saves.DataPath);
        // Overwrite the last page that holds run documents (found by their text), whatever the layout.
        var marker = System.Text.Encoding.UTF8.GetBytes("drop_caches");
        var page = bytes.AsSpan().LastIndexOf(marker) / 8192;
        Assert.True(page > 0);
        RandomBytes(new Random(7), 8192).CopyTo(bytes, page * 8192);
        File.WriteAllBytes(saves.DataPath, bytes);

        using var saveLock = saves.Lock();
        OpenExpectingDamage(saves, saveLock, bytes);
        var again = OpenExpectingDamage(saves, saveLock, bytes);
        Assert.Equal(saves.DataPath + ".damaged-1", again.AsideCopyPath);
        var rebuilt = SaveStore.Rebuild(saveLock, saves.Clock);
        using (rebuilt.Store)
        {
            Assert.True(rebuilt.IsOpen, rebuilt.Message);
            Assert.NotEmpty(rebuilt.Store!.ListProfiles());
            Assert.InRange(rebuilt.Store.ListRuns(id).Count, 1, Runs);
        }
    }

    [Fact]
    public void Open_GarbageLogFile_NeverReplayedAndDataKept()
    {
        using var saves = new TempSaves();
        var id = Populate(saves);
        var data = File.ReadAllBytes(saves.DataPath);
        var garbage = RandomBytes(new Random(3), 5 * 8192);
        File.WriteAllBytes(saves.LogPath, garbage);

        using var saveLock = saves.Lock();
        var result = SaveStore.Open(saveLock, saves.Clock);
        Assert.Equal(SaveOpenStatus.Damaged, result.Status);
        Assert.Contains("log file", result.Message);
        Assert.Equal(data, File.ReadAllBytes(saves.DataPath));
        Assert.Equal(garbage, File.ReadAllBytes(saves.LogPath + ".damaged-1"));
        Assert.Equal(data.Length, new FileInfo(saves.DataPath).Length);

        var rebuilt = SaveStore.Rebuild(saveLock, saves.Clock);
        using (rebuilt.Store)
        {
            Assert.True(rebuilt.IsOpen, rebuilt.Message);
            Assert.Contains("log file was moved", rebuilt.Message);
            Assert.Equal(Runs, rebuilt.Store!.ListRuns(id).Count);
        }
        Assert.Equal(data.Length, new FileInfo(saves.DataPath).Length);
    }

    [Fact]
    public void Open_LogWithoutDataFile_KeptAndRebuildStartsEmpty()
    {
        using var saves = new TempSaves();
        var log = RandomBytes(new Random(5), 8192);
        File.WriteAllBytes(saves.LogPath, log);
        using var saveLock = saves.Lock();
        var result = SaveStore.Open(saveLock, saves.Clock);
        Assert.Equal(SaveOpenStatus.Damaged, result.Status);
        Assert.Contains("no data file", result.Message);
        Assert.Equal(log, File.ReadAllBytes(saves.LogPath + ".damaged-1"));
        var rebuilt = SaveStore.Rebuild(saveLock, saves.Clock);
        using (rebuilt.Store)
            Assert.Equal(SaveOpenStatus.Opened, rebuilt.Status);
        Assert.Equal(log, File.ReadAllBytes(saves.LogPath + ".bad-log-1"));
    }

    [Fact]
    public void Open_AnotherProgramsLiteDbFile_SetAsideNotAdopted()
    {
        using var saves = new TempSaves();
        using (var db = new LiteDB.LiteDatabase(saves.DataPath))
            db.GetCollection("customers").Insert(new LiteDB.BsonDocument { ["name"] = "x" });
        var bytes = File.ReadAllBytes(saves.DataPath);

        using var saveLock = saves.Lock();
        var result = SaveStore.Open(saveLock, saves.Clock);
        Assert.Equal(SaveOpenStatus.Damaged, result.Status);
        Assert.Contains("not one written by MemQuest", result.Message);
        Assert.Equal(bytes, File.ReadAllBytes(result.AsideCopyPath!));
        Assert.Equal(SaveOpenStatus.RecoveryFailed, SaveStore.Rebuild(saveLock, saves.Clock).Status);
        Assert.Equal(bytes, File.ReadAllBytes(saves.DataPath));
    }

    [Fact]
    public void Rebuild_WithoutOpenFirst_StillKeepsACopy()
    {
        using var saves = new TempSaves();
        Populate(saves);
        var bytes = File.ReadAllBytes(saves.DataPath)[..^1000];
        File.WriteAllBytes(saves.DataPath, bytes);
        using var saveLock = saves.Lock();
        using (SaveStore.Rebuild(saveLock, saves.Clock).Store)
            Assert.Equal(bytes, File.ReadAllBytes(saves.DataPath + ".damaged-1"));
    }

    [Fact]
    public void Open_SameDamagedFileTwice_KeepsOneCopy()
    {
        using var saves = new TempSaves();
        Populate(saves);
        var bytes = File.ReadAllBytes(saves.DataPath)[..^1000];
        File.WriteAllBytes(saves.DataPath, bytes);
        using var saveLock = saves.Lock();
        var first = OpenExpectingDamage(saves, saveLock, bytes);
        var second = OpenExpectingDamage(saves, saveLock, bytes);
        Assert.Equal(first.AsideCopyPath, second.AsideCopyPath);
        Assert.False(File.Exists(saves.DataPath + ".damaged-2"));
    }

    [Fact]
    public void CopyAside_TwiceOnSameFile_NeverOverwritesEarlierCopy()
    {
        using var saves = new TempSaves();
        File.WriteAllText(saves.DataPath, "one");
        SaveFileGuard.CopyAside(saves.DataPath);
        File.WriteAllText(saves.DataPath, "two");
        var second = SaveFileGuard.CopyAside(saves.DataPath);
        Assert.Equal("one", File.ReadAllText(saves.DataPath + ".damaged-1"));
        Assert.Equal(saves.DataPath + ".damaged-2", second);
        Assert.Equal("two", File.ReadAllText(second));
    }

    private static byte[] RandomBytes(Random rng, int count)
    {
        var bytes = new byte[count];
        rng.NextBytes(bytes);
        return bytes;
    }
}
