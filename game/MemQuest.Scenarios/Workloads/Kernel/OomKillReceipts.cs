// The OOM killer's kills as a workload sees them. The engine keeps its last OomKiller.DecisionsKept
// decisions; this collects every decision that killed a task (oom_kill_process sent SIGKILL) into a
// list that is never trimmed, so conditions and the service table can ask about any tick.
using MemQuest.Engine;
using MemQuest.Engine.Oom.Control;

namespace MemQuest.Scenarios.Workloads.Kernel;

internal sealed class OomKillReceipts(Machine machine)
{
    private readonly List<OomKill> _kills = [];
    private OomDecision? _lastSeen;

    /// <summary>Pick up decisions made since the last look (call after anything that can allocate).</summary>
    public void Collect()
    {
        IReadOnlyList<OomDecision> all = machine.Oom.Decisions;
        if (all.Count == 0 || ReferenceEquals(all[^1], _lastSeen)) return;
        int start = 0;
        for (int i = all.Count - 1; i >= 0; i--)
            if (ReferenceEquals(all[i], _lastSeen)) { start = i + 1; break; }
        for (int i = start; i < all.Count; i++)
            if (all[i] is { Outcome: OomOutcome.Killed or OomOutcome.AllocatingTaskKilled, Chosen: { } victim } d)
                _kills.Add(new OomKill(d.Tick, victim.Pid, victim.Comm, d.ChosenPoints));
        _lastSeen = all[^1];
    }

    public IReadOnlyList<OomKill> Since(long tick)
    {
        Collect();
        return _kills.Where(k => k.Tick >= tick).ToList();
    }
}
