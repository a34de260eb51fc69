// A process's params and config settings name parameters its workload kind has, with valid values.
using MemQuest.Scenarios.Content.Reading;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Workloads;
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Content.Lint;

public sealed class ProcessParamsFitTheirKind : ILintRule
{
    public IEnumerable<ContentError> Check(ScenarioDefinition s, ContentCatalog catalog)
    {
        foreach (ProcessDefinition p in s.AllProcesses)
        {
            if (!catalog.Workloads.TryGetValue(p.WorkloadId, out WorkloadDefinition? w) || WorkloadKinds.Find(w.Kind) is not { } kind) continue;
            var values = p.Params.Select(kv => (kv.Key, kv.Value, "params"))
                .Concat((p.Service?.Config ?? []).Select(c => (c.Param, c.Value, $"config key '{c.Key}'")));
            foreach (var (name, value, where) in values)
                if (WorkloadReader.ParamProblem(kind, name, value) is { } problem)
                    yield return ContentError.At(p.Pos, $"process '{p.Name}' ({where}): {problem}");
        }
    }
}
