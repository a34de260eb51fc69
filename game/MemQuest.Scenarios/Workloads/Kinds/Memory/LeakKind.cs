// leak: a service that mallocs per request and keeps part of it (a cache without eviction, a
// forgotten list). Its heap grows by leak_kb_per_tick times the load, through malloc and page faults,
// until the box runs out and the OOM killer picks someone.
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Workloads.Kinds.Memory;

public sealed class LeakKind : WorkloadKind
{
    public override string Name => "leak";
    public override string Description => "mallocs chunk_bytes objects; leak_kb_per_tick of them are never freed";
    public override IReadOnlyList<WorkloadParam> Parameters { get; } =
    [
        WorkloadParam.Size("heap_kb", "16M", "heap touched at start"),
        WorkloadParam.Size("leak_kb_per_tick", "256k", "memory kept per tick at normal load"),
        WorkloadParam.Count("chunk_bytes", "4096", "size of each leaked object"),
        WorkloadParam.Count("temp_allocs_per_tick", "8", "short-lived allocations per tick (malloc then free)"),
    ];

    public override Mechanism Needs(WorkloadParams p) => Mechanism.Spawn | Mechanism.AnonFaults | Mechanism.Malloc;

    public override IWorkloadBehavior Create(WorkloadParams p) =>
        new Behavior(p.Kb("heap_kb"), p.Kb("leak_kb_per_tick"), Math.Max(16, p.Int("chunk_bytes")), p.Int("temp_allocs_per_tick"));

    private sealed class Behavior(long heapKb, long leakKbPerTick, long chunkBytes, long tempPerTick) : IWorkloadBehavior
    {
        public void Start(WorkloadContext c) => c.MapAndTouch(heapKb);

        public void Tick(WorkloadContext c)
        {
            long chunks = c.Scaled(leakKbPerTick * 1024) / chunkBytes;
            for (long i = 0; i < chunks; i++)
                if (c.Malloc(c.LeakSite, chunkBytes) == 0) return;
            for (long i = 0; i < tempPerTick; i++)
            {
                long ptr = c.Malloc(c.TempSite, chunkBytes);
                if (ptr == 0) return;
                c.Kernel.Free(c.Pid, ptr);
                c.Ledger.Freed(c.TempSite, chunkBytes);
            }
        }

        public void Stop(WorkloadContext c) { }
    }
}
