namespace MemQuest.Persistence;

/// <summary>
/// The save schema version, stored in LiteDB's <c>UserVersion</c> pragma. Bump
/// <see cref="Current"/> and add a step to <see cref="SchemaMigrations"/> whenever a stored
/// document changes shape.
/// </summary>
public static class SchemaVersion
{
    /// <summary>
    /// 1: first layout (progress had <c>Best</c> and <c>Played</c>; profiles had no settings).
    /// 2: progress uses <c>BestScore</c> and <c>LastPlayedUtc</c>; profiles have <c>Settings</c>.
    /// </summary>
    public const int Current = 2;
}
