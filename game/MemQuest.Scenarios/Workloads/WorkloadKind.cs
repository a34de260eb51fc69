// A behaviour kind (Type Object): content picks one by name (`kind: leak`) and sets its parameters.
// The kind says which parameters it accepts, which kernel mechanisms a configuration needs, and
// creates the per-process behaviour.
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Workloads;

public abstract class WorkloadKind
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract IReadOnlyList<WorkloadParam> Parameters { get; }

    /// <summary>The mechanisms a process of this kind with these parameters drives.</summary>
    public abstract Mechanism Needs(WorkloadParams p);

    public abstract IWorkloadBehavior Create(WorkloadParams p);

    public WorkloadParam? Find(string name) => Parameters.FirstOrDefault(x => x.Name == name);

    /// <summary>Defaults overlaid with <paramref name="layers"/> in order (workload file, scenario, config).</summary>
    public WorkloadParams Resolve(params IReadOnlyDictionary<string, string>[] layers)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (WorkloadParam p in Parameters) values[p.Name] = p.Default;
        foreach (var layer in layers)
            foreach (var (k, v) in layer)
                if (values.ContainsKey(k)) values[k] = v;
        return new WorkloadParams(values);
    }
}
