namespace MemQuest.Persistence.Documents;

/// <summary>One player. <see cref="NameKey"/> is the lower-case name, unique in the save.</summary>
public sealed record ProfileDocument
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string NameKey { get; init; } = "";
    public DateTime CreatedUtc { get; init; }
    /// <summary>Free-form settings (key to value); the TUI decides the keys.</summary>
    public Dictionary<string, string> Settings { get; init; } = new(StringComparer.Ordinal);
}
