// Every process names a workload that content/workloads defines.
using MemQuest.Scenarios.Model;

namespace MemQuest.Scenarios.Content.Lint;

public sealed class WorkloadsExist : ILintRule
{
    public IEnumerable<ContentError> Check(ScenarioDefinition s, ContentCatalog catalog) =>
        s.AllProcesses.Where(p => !catalog.Workloads.ContainsKey(p.WorkloadId)).Select(p => ContentError.At(p.Pos,
            $"process '{p.Name}' names unknown workload '{p.WorkloadId}'; add content/workloads/{p.WorkloadId}.yaml or use one of: {string.Join(", ", catalog.Workloads.Keys)}"));
}
