// An objective: a condition that must hold when the incident's time is up, and the sentence the
// player reads when it does not (placeholders such as {count} are filled from the condition's facts).

namespace MemQuest.Scenarios.Model;

public sealed record ObjectiveDefinition(string Id, string Text, ConditionSpec Check, string Unmet, SourcePos Pos);
