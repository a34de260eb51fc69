using MemQuest.Persistence.Documents;

namespace MemQuest.Persistence.Tests;

public sealed class SaveStoreTests
{
    [Fact]
    public void Open_NoFile_CreatesOurFileWithCurrentSchema()
    {
        using var saves = new TempSaves();
        var (saveLock, store) = saves.OpenStore();
        using (saveLock)
        using (store)
            Assert.Empty(store.ListProfiles());
        Assert.Contains(SaveLock.DataFileName, saves.Files());
        Assert.DoesNotContain("memquest-new.db", saves.Files());
        Assert.True(SaveFileGuard.Inspect(saves.DataPath).IsFine);
    }

    [Fact]
    public void Profile_RoundTrip_KeepsEveryField()
    {
        using var saves = new TempSaves();
        int id;
        using (var saveLock = saves.Lock())
        using (var store = SaveStore.Open(saveLock, saves.Clock).Store!)
        {
            id = store.CreateProfile("Ada L.").Id;
            store.SaveSetting(id, "speed", "2x");
            store.SaveSetting(id, "theme", "amber");
            store.SaveSetting(id, "theme", null);
        }
        var (lock2, reopened) = saves.OpenStore();
        using (lock2)
        using (reopened)
        {
            var p = Assert.Single(reopened.ListProfiles());
            Assert.Equal(id, p.Id);
            Assert.Equal("Ada L.", p.Name);
            Assert.Equal("ada l.", p.NameKey);
            Assert.Equal(saves.Clock.GetUtcNow().UtcDateTime, p.CreatedUtc);
            Assert.Equal(DateTimeKind.Utc, p.CreatedUtc.Kind);
            Assert.Equal(new Dictionary<string, string> { ["speed"] = "2x" }, p.Settings);
        }
    }

    [Fact]
    public void FinishedRun_RoundTrip_KeepsLogScoreCardAndProgress()
    {
        using var saves = new TempSaves();
        int id;
        using (var saveLock = saves.Lock())
        using (var store = SaveStore.Open(saveLock, saves.Clock).Store!)
        {
            id = store.CreateProfile("ada").Id;
            store.SaveUnfinished(id, "billing-oom", Samples.Log(commands: 1));
            store.RecordHintBought(id, "billing-oom", "look-at-dmesg");
            store.RecordHintBought(id, "billing-oom", "look-at-dmesg");
            store.RecordFinishedRun(id, Samples.Run(outcome: RunOutcome.Lost, total: 990, stars: 3));
            store.RecordFinishedRun(id, Samples.Run(total: 870, stars: 2));
        }
        var (lock2, reopened) = saves.OpenStore();
        using (lock2)
        using (reopened)
        {
            var runs = reopened.ListRuns(id, "billing-oom");
            Assert.Equal(2, runs.Count);
            var run = runs[1];
            var expected = Samples.Run();
            Assert.Equal(RunOutcome.Won, run.Outcome);
            Assert.Equal("digest:ffee", run.FinalStateDigest);
            Assert.Equal(saves.Clock.GetUtcNow().UtcDateTime, run.FinishedUtc);
            List<LoggedCommand> none = [];
            Assert.Equal(expected.Log with { Commands = none }, run.Log with { Commands = none });
            Assert.Equal(expected.Log.Commands, run.Log.Commands);
            Assert.Equal(expected.Score.Metrics, run.Score.Metrics);
            Assert.Equal((870, 2), (run.Score.Total, run.Score.Stars));

            var progress = reopened.FindProgress(id, "billing-oom")!;
            Assert.True(progress.Solved);
            Assert.Equal(2, progress.Stars);          // the lost run's 3 stars do not count
            Assert.Equal(870, progress.BestScore);
            Assert.Equal(["look-at-dmesg"], progress.HintsBought);
            Assert.Null(reopened.FindUnfinished(id, "billing-oom"));
        }
    }

    [Fact]
    public void Unfinished_RoundTrip_ResumesTheLog()
    {
        using var saves = new TempSaves();
        var (saveLock, store) = saves.OpenStore();
        using (saveLock)
        using (store)
        {
            var id = store.CreateProfile("ada").Id;
            store.SaveUnfinished(id, "dentry-bloat", Samples.Log("dentry-bloat", commands: 2));
            store.SaveUnfinished(id, "dentry-bloat", Samples.Log("dentry-bloat", commands: 5));
            var unfinished = store.FindUnfinished(id, "dentry-bloat")!;
            Assert.Equal(5, unfinished.Log.Commands.Count);
            Assert.Equal(Samples.Log("dentry-bloat", 5).Commands, unfinished.Log.Commands);
            Assert.Equal(-1234567890123L, unfinished.Log.Seed);
        }
    }

    [Fact]
    public void Strings_EmptyAndPadded_StoredExactly()
    {
        using var saves = new TempSaves();
        var (saveLock, store) = saves.OpenStore();
        using (saveLock)
        using (store)
        {
            var id = store.CreateProfile("ada").Id;
            var log = Samples.Log() with { ContentDigest = "", Commands = [new LoggedCommand { Tick = 1, Line = "  echo 3 > x  " }] };
            store.SaveSetting(id, "note", "");
            store.RecordFinishedRun(id, Samples.Run() with { Log = log, FinalStateDigest = "" });
            var run = Assert.Single(store.ListRuns(id));
            Assert.Equal("", run.Log.ContentDigest);
            Assert.Equal("", run.FinalStateDigest);
            Assert.Equal("  echo 3 > x  ", run.Log.Commands[0].Line);
            Assert.Equal("", store.ResolveProfile("ada").Settings["note"]);
        }
    }

    [Fact]
    public void ResetProgress_OneIncident_LeavesTheOthers()
    {
        using var saves = new TempSaves();
        var (saveLock, store) = saves.OpenStore();
        using (saveLock)
        using (store)
        {
            var id = store.CreateProfile("ada").Id;
            store.RecordFinishedRun(id, Samples.Run("a"));
            store.RecordFinishedRun(id, Samples.Run("b"));
            store.ResetProgress(id, "a");
            Assert.Equal(["b"], store.ListProgress(id).Select(p => p.IncidentId));
            Assert.Single(store.ListRuns(id));
            store.ResetProgress(id, null);
            Assert.Empty(store.ListProgress(id));
            Assert.Empty(store.ListRuns(id));
            Assert.Single(store.ListProfiles());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ada")]
    [InlineData("a/b")]
    [InlineData("123456789012345678901234567890123")]
    public void CreateProfile_BadName_ThrowsClearMessage(string name)
    {
        using var saves = new TempSaves();
        var (saveLock, store) = saves.OpenStore();
        using (saveLock)
        using (store)
        {
            var ex = Assert.Throws<SaveException>(() => store.CreateProfile(name));
            Assert.Contains("profile name", ex.Message);
            Assert.Empty(store.ListProfiles());
        }
    }

    [Fact]
    public void CreateProfile_SameNameOtherCase_Refused()
    {
        using var saves = new TempSaves();
        var (saveLock, store) = saves.OpenStore();
        using (saveLock)
        using (store)
        {
            store.CreateProfile("Ada");
            Assert.Contains("already exists", Assert.Throws<SaveException>(() => store.CreateProfile("ada")).Message);
        }
    }

    [Fact]
    public void ResolveProfile_NoNameAndTwoProfiles_AsksForOne()
    {
        using var saves = new TempSaves();
        var (saveLock, store) = saves.OpenStore();
        using (saveLock)
        using (store)
        {
            Assert.Contains("profile create", Assert.Throws<SaveException>(() => store.ResolveProfile(null)).Message);
            store.CreateProfile("ada");
            Assert.Equal("ada", store.ResolveProfile(null).Name);
            store.CreateProfile("bob");
            Assert.Contains("--profile", Assert.Throws<SaveException>(() => store.ResolveProfile(null)).Message);
            Assert.Equal("bob", store.ResolveProfile("BOB").Name);
        }
    }
}
