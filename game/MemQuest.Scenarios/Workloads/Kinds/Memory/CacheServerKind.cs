// cache-server: an application cache (memcached, an nginx proxy cache in memory): items are
// malloc'd as misses fill it, up to max_kb; items older than ttl_ticks are evicted (freed).
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Workloads.Kinds.Memory;

public sealed class CacheServerKind : WorkloadKind
{
    public override string Name => "cache-server";
    public override string Description => "fills an in-memory cache up to max_kb with item_bytes items that expire after ttl_ticks";
    public override IReadOnlyList<WorkloadParam> Parameters { get; } =
    [
        WorkloadParam.Size("max_kb", "1G", "the cache's size limit"),
        WorkloadParam.Size("fill_kb_per_tick", "1M", "new items per tick at normal load"),
        WorkloadParam.Count("item_bytes", "65536", "size of one item"),
        WorkloadParam.Ticks("ttl_ticks", "3000", "ticks until an item expires"),
    ];

    public override Mechanism Needs(WorkloadParams p) => Mechanism.Spawn | Mechanism.AnonFaults | Mechanism.Malloc;

    public override IWorkloadBehavior Create(WorkloadParams p) =>
        new Behavior(p.Kb("max_kb") * 1024, p.Kb("fill_kb_per_tick") * 1024, Math.Max(64, p.Int("item_bytes")), p.Int("ttl_ticks"));

    private sealed class Behavior(long maxBytes, long fillBytes, long itemBytes, long ttlTicks) : IWorkloadBehavior
    {
        private readonly Queue<(long Tick, long Ptr)> _items = new();

        public void Start(WorkloadContext c) { }

        public void Tick(WorkloadContext c)
        {
            while (_items.Count > 0 && (c.Tick - _items.Peek().Tick >= ttlTicks || (_items.Count + 1) * itemBytes > maxBytes))
            {
                c.Kernel.Free(c.Pid, _items.Dequeue().Ptr);
                c.Ledger.Freed(c.LeakSite, itemBytes);
            }
            for (long n = c.Scaled(fillBytes) / itemBytes; n > 0 && (_items.Count + 1) * itemBytes <= maxBytes; n--)
            {
                long ptr = c.Malloc(c.LeakSite, itemBytes);
                if (ptr == 0) return;
                _items.Enqueue((c.Tick, ptr));
            }
        }

        public void Stop(WorkloadContext c) { }
    }
}
