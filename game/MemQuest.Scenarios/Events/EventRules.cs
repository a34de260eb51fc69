// An event's rules: whether hints may be bought and what share of their cost is charged, the UTC
// window runs must finish in, and how many runs per incident count (0: no limit).
namespace MemQuest.Scenarios.Events;

public sealed record EventRules(bool HintsAllowed, int HintCostPercent, DateTimeOffset StartUtc, DateTimeOffset EndUtc, int Attempts);
