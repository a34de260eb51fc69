// A run as the judge scored it by re-simulation: who, which incident, won or not, points (after
// the event's hint charge), simulated ticks to the solve (the last change of a won run), commands typed, each metric.
using MemQuest.Scenarios.Scoring;

namespace MemQuest.Scenarios.Events;

public sealed record JudgedRun(
    string Player,
    string Team,
    string Bracket,
    string Incident,
    bool Won,
    int Total,
    long SolveTicks,
    int Commands,
    IReadOnlyList<MetricScore> Metrics,
    DateTimeOffset FinishedUtc);
