// Reads content/workloads/ID.yaml into a WorkloadDefinition, checking the kind and its parameters.
using MemQuest.Scenarios.Workloads;
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Content.Reading;

internal static class WorkloadReader
{
    public static WorkloadDefinition? Read(YamlMap m, string id)
    {
        MachineReader.CheckId(m, id);
        string? kindName = m.Str("kind", required: true, example: "leak");
        string description = m.Str("description", example: "a session cache that never evicts") ?? "";
        var pairs = m.Pairs("params");
        var sites = m.MapList("allocation_sites").Select(ReadSite).OfType<AllocationSite>().ToList();
        YamlMap? h = m.Map("health");
        HealthModel health = h is null ? HealthModel.Default : new HealthModel(
            h.Long("base_p99_ms", min: 1, max: 60_000, example: "20") ?? HealthModel.Default.BaseP99Ms,
            h.Long("major_fault_cost_ms", min: 0, max: 60_000, example: "8") ?? HealthModel.Default.MajorFaultCostMs,
            h.Long("alloc_failure_cost_ms", min: 0, max: 60_000, example: "50") ?? HealthModel.Default.AllocFailureCostMs,
            h.Long("stall_cost_ms", min: 0, max: 60_000, example: "30") ?? HealthModel.Default.StallCostMs);
        h?.Finish();
        m.Finish();
        if (kindName is null) return null;
        WorkloadKind? kind = WorkloadKinds.Find(kindName);
        if (kind is null)
        {
            m.Error(m.Node("kind")!, $"unknown workload kind '{kindName}'; use one of: {string.Join(", ", WorkloadKinds.All.Select(k => k.Name))}");
            return null;
        }
        foreach (var (k, v, pos) in pairs)
            if (ParamProblem(kind, k, v) is { } problem) m.Errors.Add(ContentError.At(pos, problem));
        return new WorkloadDefinition(id, kindName, description, ProcessReader.Dict(pairs), sites, health, m.Pos);
    }

    /// <summary>Why a parameter does not fit a kind, or null.</summary>
    public static string? ParamProblem(WorkloadKind kind, string name, string value)
    {
        WorkloadParam? p = kind.Find(name);
        if (p is null) return $"kind '{kind.Name}' has no parameter '{name}'; it takes {string.Join(", ", kind.Parameters.Select(x => x.Name))}";
        return p.Check(value) is { } why ? $"parameter '{name}': {why}" : null;
    }

    private static AllocationSite? ReadSite(YamlMap s)
    {
        string? fn = s.Str("function", required: true, example: "session_cache_put");
        string file = s.Str("file", example: "cache.c") ?? "??";
        long line = s.Long("line", min: 0, max: 1_000_000, example: "212") ?? 0;
        bool leaks = s.Flag("leaks", false);
        long share = s.Long("share_permille", min: 0, max: 1000, example: "870") ?? 0;
        s.Finish();
        return fn is null ? null : new AllocationSite(fn, file, (int)line, leaks, (int)share);
    }
}
