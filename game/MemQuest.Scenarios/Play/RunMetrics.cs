// What the scorer needs from a run, sampled by the session every tick: the smallest MemAvailable,
// each action and its cost, hint costs, and per-service SLO breach ticks.

namespace MemQuest.Scenarios.Play;

public sealed class RunMetrics
{
    public long MinMemAvailableKb { get; set; } = long.MaxValue;
    public List<ActionCharge> Actions { get; } = [];
    public int HintCost { get; set; }
    public int HintsBought { get; set; }
    public long Ticks { get; set; }

    /// <summary>Service unit → ticks over its SLO or down, in unit order.</summary>
    public SortedDictionary<string, long> SloBreachTicks { get; } = new(StringComparer.Ordinal);

    public long LastActionTick => Actions.Count == 0 ? 0 : Actions.Max(a => a.Tick);
}
