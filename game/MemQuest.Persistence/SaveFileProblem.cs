namespace MemQuest.Persistence;

/// <summary>What the pre-open check found wrong with a save file (None: safe to hand to LiteDB).</summary>
public enum SaveFileProblem
{
    None = 0,
    Missing,
    Empty,
    NotLiteDb,
    Truncated,
    DamagedLog,
    OrphanLog,
    Unreadable,
}
