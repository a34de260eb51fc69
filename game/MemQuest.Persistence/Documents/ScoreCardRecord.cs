namespace MemQuest.Persistence.Documents;

/// <summary>A score card as stored: plain data, mapped from the Scenarios ScoreCard.</summary>
public sealed record ScoreCardRecord
{
    public int Total { get; init; }
    public int Stars { get; init; }
    public List<MetricScore> Metrics { get; init; } = [];
}
