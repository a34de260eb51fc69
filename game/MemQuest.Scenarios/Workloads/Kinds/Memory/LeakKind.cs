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
        WorkloadParam.Count("temp_bytes", "0", "size of each short-lived allocation (0: chunk_bytes)"),
        WorkloadParam.Size("cap_kb", "0", "the cache's bound: above it the oldest objects are freed (0: unbounded, the leak)"),
    ];

    public override Mechanism Needs(WorkloadParams p) => Mechanism.Spawn | Mechanism.AnonFaults | Mechanism.Malloc;

    public override IWorkloadBehavior Create(WorkloadParams p) =>
        new Behavior(p.Kb("heap_kb"), p.Kb("leak_kb_per_tick"), Math.Max(16, p.Int("chunk_bytes")), p.Int("temp_allocs_per_tick"),
            p.Int("temp_bytes") > 0 ? Math.Max(16, p.Int("temp_bytes")) : Math.Max(16, p.Int("chunk_bytes")), p.Kb("cap_kb"));

    private sealed class Behavior(long heapKb, long leakKbPerTick, long chunkBytes, long tempPerTick, long tempBytes, long capKb) : IWorkloadBehavior
    {
        private readonly Queue<long> _kept = new();

        public void Start(WorkloadContext c) => c.MapAndTouch(heapKb);

        public void Tick(WorkloadContext c)
        {
            long chunks = c.Scaled(leakKbPerTick * 1024) / chunkBytes;
            for (long i = 0; i < chunks; i++)
            {
                long kept = c.Malloc(c.LeakSite, chunkBytes);
                if (kept == 0) return;
                _kept.Enqueue(kept);
            }
            while (capKb > 0 && _kept.Count * chunkBytes > capKb * 1024)
            {
                c.Kernel.Free(c.Pid, _kept.Dequeue());
                c.Ledger.Freed(c.LeakSite, chunkBytes);
            }
            for (long i = 0; i < tempPerTick; i++)
            {
                long ptr = c.Malloc(c.TempSite, tempBytes);
                if (ptr == 0) return;
                c.Kernel.Free(c.Pid, ptr);
                c.Ledger.Freed(c.TempSite, tempBytes);
            }
        }

        public void Stop(WorkloadContext c) { }
    }
}
