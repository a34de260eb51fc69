namespace MemQuest.Persistence.Documents;

/// <summary>
/// Everything needed to replay a run: plain data, independent of the Scenarios SessionLog
/// (which is mapped onto this at the App/Scenarios seam).
/// </summary>
public sealed record RunLog
{
    public string ScenarioId { get; init; } = "";
    public string ContentDigest { get; init; } = "";
    public int EngineVersion { get; init; }
    public long Seed { get; init; }
    public List<LoggedCommand> Commands { get; init; } = [];
    public long EndTick { get; init; }
}
