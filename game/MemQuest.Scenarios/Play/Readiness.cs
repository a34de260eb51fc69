// Whether this engine build can run an incident: every workload, module and condition it uses
// needs kernel mechanisms; if one is missing, the incident is refused with a sentence that names it.
using MemQuest.Scenarios.Judging;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Play;

public static class Readiness
{
    /// <summary>Everything the incident needs from the engine.</summary>
    public static Mechanism Needs(ScenarioDefinition s)
    {
        Mechanism needs = Mechanism.None;
        foreach (ProcessDefinition p in s.AllProcesses)
        {
            WorkloadDefinition w = s.Workloads[p.WorkloadId];
            WorkloadKind kind = WorkloadKinds.Find(w.Kind)!;
            needs |= kind.Needs(kind.Resolve(w.Params, p.Params, p.Service?.Config.ToDictionary(c => c.Param, c => c.Value) ?? []));
        }
        foreach (ModuleDefinition m in s.Modules) needs |= ModuleTable.NeedsOf(m);
        foreach (ICondition c in new Judge(s).AllConditions) needs |= c.Needs;
        return needs;
    }

    /// <summary>Null if the incident can run on <paramref name="available"/>; else why not.</summary>
    public static string? Missing(ScenarioDefinition s, Mechanism available)
    {
        Mechanism missing = Needs(s) & ~available;
        if (missing == Mechanism.None) return null;
        var names = Enum.GetValues<Mechanism>().Where(m => m != Mechanism.None && missing.HasFlag(m)).Select(m => m.ToString());
        return $"incident '{s.Id}' needs kernel mechanisms this engine build does not have yet: {string.Join(", ", names)}";
    }
}
