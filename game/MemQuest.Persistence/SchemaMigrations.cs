using LiteDB;

namespace MemQuest.Persistence;

/// <summary>
/// Upgrades stored documents one schema version at a time. Works on raw
/// <see cref="BsonDocument"/>s so old shapes need no C# types. <see cref="SaveStore"/> runs it
/// inside one transaction after copying the old file aside.
/// </summary>
internal static class SchemaMigrations
{
    /// <summary>Migrates from <paramref name="fromVersion"/> to <see cref="SchemaVersion.Current"/>.</summary>
    public static void Apply(int fromVersion, Func<string, ILiteCollection<BsonDocument>> collection)
    {
        for (var version = fromVersion; version < SchemaVersion.Current; version++)
        {
            switch (version)
            {
                case 1:
                    From1To2(collection);
                    break;
                default:
                    throw new SaveException($"No migration from save schema version {version}.");
            }
        }
    }

    private static void From1To2(Func<string, ILiteCollection<BsonDocument>> collection)
    {
        var progress = collection(SaveStore.ProgressCollection);
        foreach (var doc in progress.FindAll().ToList())
        {
            Rename(doc, "Best", "BestScore");
            Rename(doc, "Played", "LastPlayedUtc");
            progress.Update(doc);
        }
        var profiles = collection(SaveStore.ProfilesCollection);
        foreach (var doc in profiles.FindAll().ToList())
        {
            if (!doc.ContainsKey("Settings"))
            {
                doc["Settings"] = new BsonDocument();
                profiles.Update(doc);
            }
        }
    }

    private static void Rename(BsonDocument doc, string from, string to)
    {
        if (doc.TryGetValue(from, out var value))
        {
            doc[to] = value;
            doc.Remove(from);
        }
    }
}
