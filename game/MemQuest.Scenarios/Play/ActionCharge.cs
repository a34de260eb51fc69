// A change the player made and its collateral cost from the scenario's cost table.
using MemQuest.Scenarios.Model.Costs;

namespace MemQuest.Scenarios.Play;

public sealed record ActionCharge(long Tick, string Line, ActionKind Kind, int Cost);
