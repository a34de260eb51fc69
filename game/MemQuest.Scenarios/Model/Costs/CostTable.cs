// The collateral cost of each kind of action in points (content key `costs:`), e.g.
// `{ drop_caches: 15, kill: 10, restart: 5 }`. Kinds the table does not name cost nothing.
using MemQuest.Scenarios.Model.Costs;

namespace MemQuest.Scenarios.Model.Costs;

public sealed record CostTable(IReadOnlyDictionary<ActionKind, int> Points)
{
    public static readonly IReadOnlyDictionary<string, ActionKind> Keys = new SortedDictionary<string, ActionKind>(StringComparer.Ordinal)
    {
        ["drop_caches"] = ActionKind.DropCaches,
        ["compact_memory"] = ActionKind.CompactMemory,
        ["sysctl"] = ActionKind.Sysctl,
        ["oom_score_adj"] = ActionKind.OomScoreAdj,
        ["kill"] = ActionKind.Kill,
        ["restart"] = ActionKind.Restart,
        ["stop"] = ActionKind.Stop,
        ["start"] = ActionKind.Start,
        ["edit"] = ActionKind.Edit,
        ["environment"] = ActionKind.Environment,
        ["modprobe"] = ActionKind.Modprobe,
    };

    public static readonly CostTable Empty = new(new Dictionary<ActionKind, int>());

    public int CostOf(ActionKind kind) => Points.TryGetValue(kind, out int p) ? p : 0;
}
