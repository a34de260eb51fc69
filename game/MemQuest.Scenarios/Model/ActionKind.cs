// What kind of change a console line makes, for the collateral-cost table. Reading never costs.
namespace MemQuest.Scenarios.Model;

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
