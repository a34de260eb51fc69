// One roster line: a player, their team and bracket.
namespace MemQuest.App.Events;

public sealed record RosterEntry(string Name, string Team, string Bracket);
