namespace MemQuest.Persistence.Documents;

/// <summary>One console line the player entered, and the simulated tick it was entered at.</summary>
public sealed record LoggedCommand
{
    public long Tick { get; init; }
    public string Line { get; init; } = "";
}
