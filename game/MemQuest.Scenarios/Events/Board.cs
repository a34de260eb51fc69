// The judged event: players and teams ranked, first solves, the metric spreads for histograms,
// every rejection with its reason, and the freeze time when results after it are hidden.
namespace MemQuest.Scenarios.Events;

public sealed record Board(
    string EventId,
    string Title,
    IReadOnlyList<string> Incidents,
    DateTimeOffset? FrozenAtUtc,
    IReadOnlyList<PlayerRow> Players,
    IReadOnlyList<TeamRow> Teams,
    IReadOnlyList<FirstSolve> FirstSolves,
    IReadOnlyList<MetricSpread> Spreads,
    IReadOnlyList<Rejection> Rejections);
