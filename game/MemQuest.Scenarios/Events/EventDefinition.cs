// An event file (game-design §2, Team event): which incidents, the rules, the brackets players are
// ranked in and how teams score. The secret is kept in a separate file (EventSecret).
namespace MemQuest.Scenarios.Events;

public sealed record EventDefinition(
    string Id,
    string Title,
    IReadOnlyList<string> Incidents,
    EventRules Rules,
    IReadOnlyList<string> Brackets,
    TeamScoring TeamScoring);
