namespace MemQuest.Persistence.Tests;

/// <summary>stack.md §3.3: a second process gets a clear refusal (or a read-only snapshot), and the save is not corrupted.</summary>
public sealed class SecondInstanceTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    [Fact]
    public void SecondProcess_WhileFirstHoldsSave_IsLockedOutAndFileStaysWhole()
    {
        using var saves = new TempSaves();
        using var first = new ChildWriter(saves.Directory, maxWrites: 20);
        Assert.True(first.WaitForLine(l => l == "C 19", s_wait), string.Join(" | ", first.Lines));

        using (var second = new ChildWriter(saves.Directory, maxWrites: 1))
        {
            Assert.True(second.WaitForLine(l => l == "LOCKED", s_wait), string.Join(" | ", second.Lines));
            second.Finish();
            Assert.Equal(3, second.ExitCode);
        }
        Assert.Null(SaveLock.TryAcquire(saves.Directory));
        Assert.Contains("Another MemQuest is already using the saves", SaveMessages.Locked(saves.Directory));

        var snapshot = SaveStore.OpenReadOnlySnapshot(saves.Directory, saves.Clock);
        Assert.Equal(SaveOpenStatus.OpenedReadOnly, snapshot.Status);
        Assert.Contains("read-only", snapshot.Message);
        using (var store = snapshot.Store!)
        {
            Assert.True(store.IsReadOnly);
            var profile = store.ResolveProfile(null);
            Assert.Equal(20, store.ListRuns(profile.Id).Count);
            Assert.Contains("read-only", Assert.Throws<SaveException>(() => store.CreateProfile("intruder")).Message);
            Assert.StartsWith(Path.GetTempPath(), store.DataFilePath);
        }

        first.Finish();
        Assert.Equal(0, first.ExitCode);
        var (saveLock, reopened) = saves.OpenStore();
        using (saveLock)
        using (reopened)
        {
            var profile = Assert.Single(reopened.ListProfiles());
            Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), reopened.ListRuns(profile.Id).Select(r => r.Log.Seed));
        }
        Assert.DoesNotContain(saves.Files(), f => f.Contains(".damaged-", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadOnlySnapshot_WhileFirstIsWriting_NeverDamagesTheSave()
    {
        using var saves = new TempSaves();
        long committed;
        using (var writer = new ChildWriter(saves.Directory))
        {
            Assert.True(writer.WaitForLine(l => l == "C 5", s_wait), string.Join(" | ", writer.Lines));
            for (var i = 0; i < 10; i++)
            {
                Assert.Null(SaveLock.TryAcquire(saves.Directory));
                var snapshot = SaveStore.OpenReadOnlySnapshot(saves.Directory, saves.Clock);
                using (snapshot.Store)
                {
                    Assert.True(snapshot.Status is SaveOpenStatus.OpenedReadOnly or SaveOpenStatus.Locked, snapshot.Status.ToString());
                    Assert.NotEmpty(snapshot.Message);
                }
            }
            writer.KillHard();
            committed = writer.LastCommitted;
        }
        var (saveLock, store) = saves.OpenStore();
        using (saveLock)
        using (store)
        {
            var seeds = store.ListRuns(store.ResolveProfile(null).Id).Select(r => r.Log.Seed).ToList();
            Assert.True(seeds.Count - 1 >= committed);
            Assert.Equal(Enumerable.Range(0, seeds.Count).Select(i => (long)i), seeds);
        }
        Assert.DoesNotContain(saves.Files(), f => f.Contains(".damaged-", StringComparison.Ordinal));
    }

    [Fact]
    public void TryAcquire_SameProcessTwice_SecondGetsNull()
    {
        using var saves = new TempSaves();
        using var held = saves.Lock();
        Assert.Null(SaveLock.TryAcquire(saves.Directory));
        held.Dispose();
        using var again = SaveLock.TryAcquire(saves.Directory);
        Assert.NotNull(again);
    }
}
