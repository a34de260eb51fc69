// What kind of change a console line makes, for the collateral-cost table. Reading never costs.
using MemQuest.Scenarios.Model.Costs;

namespace MemQuest.Scenarios.Model.Costs;

public enum ActionKind
{
    Read,
    DropCaches,
    CompactMemory,
    Sysctl,
    OomScoreAdj,
    Kill,
    Restart,
    Stop,
    Start,
    Edit,
    Environment,
    Modprobe,
}
