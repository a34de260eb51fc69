// What one process does: at start (after spawn), every tick, and before it exits. Behaviours act
// only through the context's kernel mechanisms and record their own allocations for heaptrack.
namespace MemQuest.Scenarios.Workloads;

public interface IWorkloadBehavior
{
    void Start(WorkloadContext c);

    void Tick(WorkloadContext c);

    void Stop(WorkloadContext c);
}
