// A workload from content/workloads/ID.yaml (the Type Object pattern): which behaviour kind it is,
// the kind's parameters, the allocation sites heaptrack/valgrind report, and its health baseline.
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Model.Box;

public sealed record WorkloadDefinition(
    string Id,
    string Kind,
    string Description,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyList<AllocationSite> Sites,
    HealthModel Health,
    SourcePos Pos);
