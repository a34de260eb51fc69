// One team on the board: rank, name, members and points by the event's team scoring.
namespace MemQuest.Scenarios.Events;

public sealed record TeamRow(int Rank, string Team, int Members, int Total);
