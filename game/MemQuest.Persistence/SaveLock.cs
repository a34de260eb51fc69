namespace MemQuest.Persistence;

/// <summary>
/// The single-writer lock: <c>memquest.lock</c> in the saves folder, opened with
/// <see cref="FileShare.None"/> and held for the process lifetime. LiteDB's direct mode takes no
/// lock between processes on Linux (stack.md §3.3), so this is what keeps a second instance out.
/// The kernel frees it when the holder dies, even by <c>kill -9</c>.
/// </summary>
public sealed class SaveLock : IDisposable
{
    public const string LockFileName = "memquest.lock";
    public const string DataFileName = "memquest.db";

    private readonly FileStream _stream;

    private SaveLock(string savesDirectory, FileStream stream)
    {
        SavesDirectory = savesDirectory;
        _stream = stream;
    }

    public string SavesDirectory { get; }
    public string DataFilePath => Path.Combine(SavesDirectory, DataFileName);
    public bool IsHeld { get; private set; } = true;

    /// <summary>Takes the lock, creating the folder if needed; null when another process holds it.</summary>
    /// <exception cref="SaveException">The folder cannot be created or the lock file cannot be written.</exception>
    public static SaveLock? TryAcquire(string savesDirectory)
    {
        var dir = Path.GetFullPath(savesDirectory);
        var lockPath = Path.Combine(dir, LockFileName);
        try
        {
            Directory.CreateDirectory(dir);
            var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new SaveLock(dir, stream);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SaveException(
                $"Cannot use the saves folder {dir}: {ex.Message} Check that it exists and is writable, or pick another with --saves DIR.", ex);
        }
    }

    public void Dispose()
    {
        IsHeld = false;
        _stream.Dispose();
    }
}
