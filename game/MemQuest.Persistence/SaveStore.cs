using LiteDB;

namespace MemQuest.Persistence;

/// <summary>
/// The only type that touches <see cref="LiteDatabase"/>: one direct-mode database per process,
/// guarded by a <see cref="SaveLock"/> and by <see cref="SaveFileGuard"/>'s checks before open.
/// Every write is one LiteDB transaction, so a crash keeps either all of it or none.
/// This file opens and recovers; the other SaveStore.*.cs files hold the operations.
/// </summary>
public sealed partial class SaveStore : IDisposable
{
    internal const string ProfilesCollection = "profiles";
    internal const string ProgressCollection = "progress";
    internal const string RunsCollection = "runs";
    internal const string UnfinishedCollection = "unfinished";
    internal const string MetaCollection = "meta";
    internal const string EventsCollection = "events";
    private const string MetaId = "memquest";
    private const string AppName = "MemQuest";

    private readonly LiteDatabase _db;
    private readonly TimeProvider _clock;
    private readonly string? _snapshotDirectory;

    private SaveStore(LiteDatabase db, TimeProvider clock, string dataFilePath, string? snapshotDirectory)
    {
        _db = db;
        _clock = clock;
        DataFilePath = dataFilePath;
        _snapshotDirectory = snapshotDirectory;
    }

    public string DataFilePath { get; }
    public bool IsReadOnly => _snapshotDirectory is not null;

    /// <summary>
    /// Opens (or creates) the save in the locked folder. Never throws for a bad file: a damaged
    /// or foreign file is copied aside and reported as <see cref="SaveOpenStatus.Damaged"/>.
    /// </summary>
    public static SaveOpenResult Open(SaveLock saveLock, TimeProvider clock)
    {
        EnsureHeld(saveLock);
        var path = saveLock.DataFilePath;
        var check = SaveFileGuard.Inspect(path);
        if (check.Problem == SaveFileProblem.Missing)
            return CreateNew(path, clock);
        return check.IsFine ? OpenChecked(path, clock, snapshotDirectory: null) : SetAside(path, check.Reason);
    }

    /// <summary>
    /// For a second instance: copies the save to a temporary folder and opens that copy. Writes
    /// throw <see cref="SaveException"/>; the copy is deleted on dispose. The real file is only read.
    /// </summary>
    public static SaveOpenResult OpenReadOnlySnapshot(string savesDirectory, TimeProvider clock)
    {
        var source = Path.Combine(Path.GetFullPath(savesDirectory), SaveLock.DataFileName);
        if (!File.Exists(source))
            return new SaveOpenResult(SaveOpenStatus.Locked, null, SaveMessages.NoSnapshot(savesDirectory));
        var snapshotDir = Path.Combine(Path.GetTempPath(), "memquest-snapshot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(snapshotDir);
        var copy = Path.Combine(snapshotDir, SaveLock.DataFileName);
        try
        {
            CopyShared(source, copy);
            CopyShared(SaveFileGuard.LogPathOf(source), SaveFileGuard.LogPathOf(copy));
            var result = SaveFileGuard.Inspect(copy).IsFine ? OpenChecked(copy, clock, snapshotDir) : null;
            if (result is { Status: SaveOpenStatus.OpenedReadOnly })
                return result;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Fall through: the writer may have been mid-checkpoint; the player can simply retry.
        }
        TryDeleteDirectory(snapshotDir);
        return new SaveOpenResult(SaveOpenStatus.Locked, null, SaveMessages.NoSnapshot(savesDirectory));
    }

    /// <summary>
    /// After <see cref="SaveOpenStatus.Damaged"/>: lets LiteDB rebuild the file (or drops a
    /// damaged log), keeping LiteDB's <c>-backup.db</c> next to it, then opens the result.
    /// </summary>
    public static SaveOpenResult Rebuild(SaveLock saveLock, TimeProvider clock)
    {
        EnsureHeld(saveLock);
        var path = saveLock.DataFilePath;
        var check = SaveFileGuard.Inspect(path);
        if (check.Problem is SaveFileProblem.DamagedLog or SaveFileProblem.OrphanLog)
        {
            var logAside = MoveAside(SaveFileGuard.LogPathOf(path), "bad-log");
            var reopened = Open(saveLock, clock);
            return reopened with { Message = SaveMessages.LogDropped(logAside, reopened.Message) };
        }
        if (check.Problem is SaveFileProblem.Missing or SaveFileProblem.Empty or SaveFileProblem.NotLiteDb or SaveFileProblem.Unreadable)
            return new SaveOpenResult(SaveOpenStatus.RecoveryFailed, null, SaveMessages.CannotRebuild(check.Reason));
        try
        {
            SaveFileGuard.CopyAside(path);   // normally Open already did: then this reuses that copy
            int errors;
            using (var db = Connect(path))
            {
                if (IsForeignOrUnknown(db))
                    return new SaveOpenResult(SaveOpenStatus.RecoveryFailed, null, SaveMessages.CannotRebuild(SaveMessages.ForeignReason));
                db.Rebuild(new LiteDB.Engine.RebuildOptions { IncludeErrorReport = true });
                errors = db.CollectionExists("_rebuild_errors") ? db.GetCollection("_rebuild_errors").Count() : 0;
                if (!IsOurs(db))
                    Initialize(db, clock);
            }
            var result = OpenChecked(path, clock, snapshotDirectory: null);
            return result.IsOpen ? result with { Message = SaveMessages.Rebuilt(errors) } : result with { Status = SaveOpenStatus.RecoveryFailed };
        }
        catch (Exception ex)
        {
            return new SaveOpenResult(SaveOpenStatus.RecoveryFailed, null, SaveMessages.CannotRebuild(ex.Message));
        }
    }

    /// <summary>After <see cref="SaveOpenStatus.Damaged"/>: moves the bad files aside (never deletes) and starts an empty save.</summary>
    public static SaveOpenResult StartFresh(SaveLock saveLock, TimeProvider clock)
    {
        EnsureHeld(saveLock);
        var path = saveLock.DataFilePath;
        var kept = MoveAside(path, "replaced");
        MoveAside(SaveFileGuard.LogPathOf(path), "replaced");
        var result = CreateNew(path, clock);
        return result with { Message = SaveMessages.Fresh(kept) };
    }

    public void Dispose()
    {
        TryDispose(_db);
        if (_snapshotDirectory is not null)
            TryDeleteDirectory(_snapshotDirectory);
    }
}
