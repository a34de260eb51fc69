// A losing condition: when its check is met on any tick, the incident is lost with this reason.

namespace MemQuest.Scenarios.Model;

public sealed record LosingCondition(string Id, ConditionSpec Check, string Reason, SourcePos Pos);
