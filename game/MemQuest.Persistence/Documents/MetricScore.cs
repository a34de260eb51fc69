namespace MemQuest.Persistence.Documents;

/// <summary>One line of a score card: metric name, points earned and points possible.</summary>
public sealed record MetricScore
{
    public string Name { get; init; } = "";
    public int Points { get; init; }
    public int MaxPoints { get; init; }
}
