namespace MemQuest.Persistence.Documents;

/// <summary>One finished run, as stored (auto-numbered id).</summary>
public sealed record RunDocument
{
    public int Id { get; init; }
    public int ProfileId { get; init; }
    public string IncidentId { get; init; } = "";
    public DateTime FinishedUtc { get; init; }
    public RunOutcome Outcome { get; init; }
    public string FinalStateDigest { get; init; } = "";
    public RunLog Log { get; init; } = new();
    public ScoreCardRecord Score { get; init; } = new();
}
