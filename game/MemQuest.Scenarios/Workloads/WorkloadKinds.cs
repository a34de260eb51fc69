// Every behaviour kind content may name in `kind:`, by name. A new kind is one class in Kinds/
// and one line here.
using MemQuest.Scenarios.Workloads.Kinds.Io;
using MemQuest.Scenarios.Workloads.Kinds.Memory;

namespace MemQuest.Scenarios.Workloads;

public static class WorkloadKinds
{
    public static readonly IReadOnlyList<WorkloadKind> All =
    [
        new SteadyKind(), new LeakKind(), new BurstKind(), new BatchJobKind(), new WebServerKind(), new CacheServerKind(),
        new FileReaderKind(), new DirectoryScannerKind(), new DatabaseKind(), new ForkSnapshotterKind(),
    ];

    public static WorkloadKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);
}
