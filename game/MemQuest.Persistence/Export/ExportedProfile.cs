namespace MemQuest.Persistence.Export;

public sealed record ExportedProfile(string Name, DateTime CreatedUtc, IReadOnlyDictionary<string, string> Settings);
