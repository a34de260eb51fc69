// Everything under a content root, loaded and validated: machines, workloads and scenarios in
// curriculum order, plus the content digest that run files are checked against.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Content;

public sealed class ContentCatalog(
    string root,
    IReadOnlyDictionary<string, MachineDefinition> machines,
    IReadOnlyDictionary<string, WorkloadDefinition> workloads,
    IReadOnlyList<ScenarioDefinition> scenarios,
    string digest)
{
    public string Root { get; } = root;
    public IReadOnlyDictionary<string, MachineDefinition> Machines { get; } = machines;
    public IReadOnlyDictionary<string, WorkloadDefinition> Workloads { get; } = workloads;
    public IReadOnlyList<ScenarioDefinition> Scenarios { get; } = scenarios;
    public string Digest { get; } = digest;

    public ScenarioDefinition? Find(string id) => Scenarios.FirstOrDefault(s => s.Id == id);

    public ScenarioDefinition this[string id] => Find(id) ?? throw new KeyNotFoundException($"no scenario '{id}'");
}
