using LiteDB;

namespace MemQuest.Persistence;

/// <summary>SaveStore: connecting, checking, creating, migrating and setting files aside.</summary>
public sealed partial class SaveStore
{
    private static bool IsOurCollection(string name) =>
        name is ProfilesCollection or EventsCollection or ProgressCollection or RunsCollection or UnfinishedCollection or MetaCollection or "_rebuild_errors";

    private static SaveOpenResult OpenChecked(string path, TimeProvider clock, string? snapshotDirectory)
    {
        LiteDatabase? db = null;
        byte[]? headerPage = null;
        try
        {
            // Only without a log is the header page safe to put back after a failure: with one,
            // LiteDB may have checkpointed real changes into the header before failing.
            var logFile = new FileInfo(SaveFileGuard.LogPathOf(path));
            headerPage = logFile.Exists && logFile.Length > 0 ? null : SaveFileGuard.ReadHeaderPage(path);
            db = Connect(path);
            var version = db.UserVersion;
            if (version > SchemaVersion.Current)
            {
                TryDispose(db);
                return new SaveOpenResult(SaveOpenStatus.TooNew, null, SaveMessages.TooNew(version));
            }
            if (!IsOurs(db))
            {
                if (db.GetCollectionNames().Any())
                {
                    TryDispose(db);
                    return snapshotDirectory is null ? SetAside(path, SaveMessages.ForeignReason, headerPage) : Unreadable(snapshotDirectory);
                }
                Initialize(db, clock);
            }
            else if (version == 0)
            {
                // Ours, but stopped between writing the marker and the version (a crash in
                // Initialize after a rebuild): it already has the current shape.
                db.UserVersion = SchemaVersion.Current;
            }
            else if (version < SchemaVersion.Current)
            {
                Migrate(db, path, version, snapshotDirectory is not null);
            }
            ScanAll(db);
            var status = snapshotDirectory is null ? SaveOpenStatus.Opened : SaveOpenStatus.OpenedReadOnly;
            var message = snapshotDirectory is null ? "" : SaveMessages.ReadOnly;
            return new SaveOpenResult(status, new SaveStore(db, clock, path, snapshotDirectory), message);
        }
        catch (Exception ex)
        {
            if (db is not null)
                TryDispose(db);
            return snapshotDirectory is null ? SetAside(path, SaveMessages.LiteDbFailedReason(ex), headerPage) : Unreadable(snapshotDirectory);
        }
    }

    private static SaveOpenResult Unreadable(string snapshotDirectory)
    {
        TryDeleteDirectory(snapshotDirectory);
        return new SaveOpenResult(SaveOpenStatus.Locked, null, SaveMessages.NoSnapshot(""));
    }

    /// <summary>Creates the file under a temporary name and renames it, so a crash never leaves a half-made save.</summary>
    private static SaveOpenResult CreateNew(string path, TimeProvider clock)
    {
        var dir = Path.GetDirectoryName(path) ?? ".";
        var temp = Path.Combine(dir, "memquest-new.db");
        File.Delete(temp);
        File.Delete(SaveFileGuard.LogPathOf(temp));
        using (var db = Connect(temp))
            Initialize(db, clock);
        if (File.Exists(SaveFileGuard.LogPathOf(temp)))
            File.Move(SaveFileGuard.LogPathOf(temp), SaveFileGuard.LogPathOf(path));
        File.Move(temp, path);
        return OpenChecked(path, clock, snapshotDirectory: null);
    }

    private static SaveOpenResult SetAside(string path, string reason, byte[]? headerPageBeforeOpen = null)
    {
        if (headerPageBeforeOpen is not null)
            SaveFileGuard.RestoreHeaderPage(path, headerPageBeforeOpen);
        var copy = SaveFileGuard.CopyAside(path, "damaged", headerPageBeforeOpen);
        return new SaveOpenResult(SaveOpenStatus.Damaged, null, SaveMessages.Damaged(path, reason, copy), copy);
    }

    private static LiteDatabase Connect(string path)
    {
        // Store strings exactly: by default LiteDB turns "" into null and trims whitespace.
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false };
        var connection = new ConnectionString { Filename = path, Connection = ConnectionType.Direct };
        return new LiteDatabase(connection, mapper);
    }

    private static void Initialize(LiteDatabase db, TimeProvider clock)
    {
        db.UtcDate = true;
        db.BeginTrans();
        db.GetCollection(MetaCollection).Upsert(new BsonDocument
        {
            ["_id"] = MetaId,
            ["App"] = AppName,
            ["CreatedUtc"] = clock.GetUtcNow().UtcDateTime,
        });
        db.Commit();
        db.UserVersion = SchemaVersion.Current;
        EnsureIndexes(db);
    }

    private static void EnsureIndexes(LiteDatabase db)
    {
        db.GetCollection(ProfilesCollection).EnsureIndex("NameKey", unique: true);
        db.GetCollection(ProgressCollection).EnsureIndex("ProfileId");
        db.GetCollection(RunsCollection).EnsureIndex("ProfileId");
        db.GetCollection(UnfinishedCollection).EnsureIndex("ProfileId");
        db.GetCollection(EventsCollection).EnsureIndex("ProfileId");
    }

    private static bool IsOurs(LiteDatabase db) =>
        db.CollectionExists(MetaCollection)
        && db.GetCollection(MetaCollection).FindById(MetaId) is { } meta
        && meta["App"] == AppName;

    /// <summary>Copies the old file aside (it stays usable by the older game), then migrates in one transaction.</summary>
    private static void Migrate(LiteDatabase db, string path, int version, bool isSnapshot)
    {
        if (!isSnapshot)
        {
            db.Checkpoint();
            SaveFileGuard.CopyAside(path, $"schema-v{version}");
        }
        db.BeginTrans();
        SchemaMigrations.Apply(version, name => db.GetCollection(name));
        db.Commit();
        db.UtcDate = true;
        db.UserVersion = SchemaVersion.Current;
        EnsureIndexes(db);
    }

    /// <summary>Reads every document once: damaged pages throw here, at open, not in the middle of play.</summary>
    private static void ScanAll(LiteDatabase db)
    {
        foreach (var name in db.GetCollectionNames().ToList())
        {
            foreach (var doc in db.GetCollection(name).FindAll())
                _ = doc.Count;
        }
    }

    /// <summary>
    /// True for another program's LiteDB file (no MemQuest marker, collections we do not know).
    /// A file too damaged to tell counts as ours, so that Rebuild can try it.
    /// </summary>
    private static bool IsForeignOrUnknown(LiteDatabase db)
    {
        try
        {
            return !IsOurs(db) && db.GetCollectionNames().Any(n => !IsOurCollection(n));
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static void EnsureHeld(SaveLock saveLock)
    {
        if (!saveLock.IsHeld)
            throw new ObjectDisposedException(nameof(SaveLock), "The save lock was released; take it again before opening the save.");
    }

    private static void CopyShared(string source, string destination)
    {
        if (!File.Exists(source))
            return;
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var to = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        from.CopyTo(to);
    }

    /// <summary>Renames a file to <c>name.label-N</c> (first free N); returns the new path, or "" when there was no file.</summary>
    private static string MoveAside(string path, string label)
    {
        if (!File.Exists(path))
            return "";
        for (var n = 1; ; n++)
        {
            var target = $"{path}.{label}-{n}";
            if (File.Exists(target))
                continue;
            File.Move(path, target);
            return target;
        }
    }

    private static void TryDispose(LiteDatabase db)
    {
        try
        {
            db.Dispose();
        }
        catch (Exception)
        {
            // A damaged file can fail again on close (LiteDB #2816); the open already failed and was reported.
        }
    }

    private static void TryDeleteDirectory(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary snapshot is harmless.
        }
    }
}
