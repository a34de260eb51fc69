// One player on the board: overall and bracket rank, best points per incident (null: no run
// counted), total, summed simulated time of the solves (ticks of 100 ms), commands, runs counted.
namespace MemQuest.Scenarios.Events;

public sealed record PlayerRow(
    int Rank,
    string Player,
    string Team,
    string Bracket,
    int BracketRank,
    IReadOnlyList<int?> Best,
    int Total,
    long SolveTicks,
    int Commands,
    int Runs);
