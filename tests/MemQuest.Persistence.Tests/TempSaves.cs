using MemQuest.Persistence;

namespace MemQuest.Persistence.Tests;

/// <summary>A throw-away saves folder per test, plus shortcuts to open it.</summary>
internal sealed class TempSaves : IDisposable
{
    public TempSaves()
    {
        Directory = Path.Combine(Path.GetTempPath(), "memquest-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }
    public string DataPath => Path.Combine(Directory, SaveLock.DataFileName);
    public string LogPath => SaveFileGuard.LogPathOf(DataPath);
    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 30, 15, 123, TimeSpan.Zero));

    public SaveLock Lock() => SaveLock.TryAcquire(Directory) ?? throw new InvalidOperationException("lock is held");

    /// <summary>Takes the lock, opens, and asserts the save opened.</summary>
    public (SaveLock Lock, SaveStore Store) OpenStore()
    {
        var saveLock = Lock();
        var result = SaveStore.Open(saveLock, Clock);
        Assert.True(result.IsOpen, result.Message);
        return (saveLock, result.Store!);
    }

    public string[] Files() => System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName).Order().ToArray()!;

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
