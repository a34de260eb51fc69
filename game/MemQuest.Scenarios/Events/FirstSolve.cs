// Who solved an incident first (by the run's finish time; ties by name), or nobody yet.
namespace MemQuest.Scenarios.Events;

public sealed record FirstSolve(string Incident, string? Player, DateTimeOffset? FinishedUtc);
