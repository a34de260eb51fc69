namespace MemQuest.Persistence;

/// <summary>Player-facing sentences about the save: what happened and what the player can do.</summary>
public static class SaveMessages
{
    public const string ForeignReason = "it is a LiteDB database, but not one written by MemQuest";

    public const string ReadOnly =
        "Another MemQuest is running with these saves, so this one is read-only: you can look, but nothing you do here is saved.";

    public static string Locked(string savesDirectory) =>
        $"Another MemQuest is already using the saves in {savesDirectory}. Close it and try again, "
        + "or use a different folder with --saves DIR. Nothing was changed.";

    public static string NoSnapshot(string savesDirectory) =>
        $"The saves{(savesDirectory.Length > 0 ? " in " + savesDirectory : "")} are in use by another MemQuest and could not be read just now. "
        + "Close the other MemQuest, or try again in a moment.";

    public static string LiteDbFailedReason(Exception ex) => $"LiteDB could not read it ({ex.GetType().Name}: {ex.Message})";

    public static string Damaged(string path, string reason, string copy) =>
        $"Your save file {path} could not be opened: {reason}. "
        + (copy.Length > 0 ? $"It was copied, untouched, to {copy}. " : "")
        + "You can try a rebuild (LiteDB salvages what it can) or start a fresh save; either way the copy stays.";

    public static string TooNew(int version) =>
        $"This save was written by a newer MemQuest (save format {version}; this game reads up to {SchemaVersion.Current}). "
        + "It was not changed. Update MemQuest, or use another folder with --saves DIR.";

    public static string Rebuilt(int errors) =>
        errors == 0
            ? "The save was rebuilt and everything was recovered. LiteDB kept the old file as memquest-backup.db."
            : $"The save was rebuilt, but {errors} damaged piece(s) could not be recovered, so some progress or runs may be missing. "
              + "LiteDB kept the old file as memquest-backup.db.";

    public static string CannotRebuild(string reason) =>
        $"The save could not be rebuilt: {reason}. Start a fresh save instead; the damaged file stays where it was copied.";

    public static string LogDropped(string logAside, string openMessage) =>
        $"The damaged log file was moved to {logAside}; the save opened without it, so the last few moments before the problem may be missing. {openMessage}".TrimEnd();

    public static string Fresh(string kept) =>
        kept.Length > 0 ? $"Started a fresh save. The old file was kept as {kept}." : "Started a fresh save.";
}
