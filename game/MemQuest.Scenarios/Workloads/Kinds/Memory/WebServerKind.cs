// web-server: per-connection buffers, either malloc'd per connection (churn: connections come and
// go every tick, glibc arenas per MALLOC_ARENA_MAX fragment and bloat RSS) or carved from a memory
// pool allocated once at start (allocator: pool).
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Workloads.Kinds.Memory;

public sealed class WebServerKind : WorkloadKind
{
    public override string Name => "web-server";
    public override string Description => "per-connection buffers from malloc (churning) or from a pool allocated at start";
    public override IReadOnlyList<WorkloadParam> Parameters { get; } =
    [
        WorkloadParam.Count("connections", "200", "open connections at normal load"),
        WorkloadParam.Size("per_conn_kb", "64k", "buffer per connection"),
        WorkloadParam.Count("churn_per_tick", "20", "connections closed and reopened per tick"),
        WorkloadParam.Choice("allocator", "malloc", "where connection buffers come from", "malloc", "pool"),
    ];

    public override Mechanism Needs(WorkloadParams p) =>
        Mechanism.Spawn | Mechanism.AnonFaults | (p.Text("allocator") == "malloc" ? Mechanism.Malloc : 0);

    public override IWorkloadBehavior Create(WorkloadParams p) =>
        new Behavior(p.Int("connections"), p.Kb("per_conn_kb") * 1024, p.Int("churn_per_tick"), p.Text("allocator") == "pool");

    private sealed class Behavior(long connections, long perConnBytes, long churn, bool pool) : IWorkloadBehavior
    {
        private readonly Queue<long> _open = new();

        public void Start(WorkloadContext c)
        {
            if (pool) { c.MapAndTouch(connections * perConnBytes / 1024); c.Ledger.Allocated("mem_pool_create", connections * perConnBytes); return; }
            for (long i = 0; i < connections; i++) Open(c);
        }

        public void Tick(WorkloadContext c)
        {
            if (pool) return;
            long target = c.Scaled(connections);
            for (long i = 0; i < churn && _open.Count > 0; i++) Close(c);
            while (_open.Count < target) if (!Open(c)) return;
        }

        private bool Open(WorkloadContext c)
        {
            long ptr = c.Malloc(c.TempSite, perConnBytes);
            if (ptr != 0) _open.Enqueue(ptr);
            return ptr != 0;
        }

        private void Close(WorkloadContext c)
        {
            c.Kernel.Free(c.Pid, _open.Dequeue());
            c.Ledger.Freed(c.TempSite, perConnBytes);
        }

        public void Stop(WorkloadContext c) { }
    }
}
