// database: a buffer pool (innodb_buffer_pool_size, shared_buffers) mapped and touched at start,
// plus a working set of its data file read per tick. What the pool holds is served from anonymous
// memory; the rest goes through the page cache (hits) or the disk (misses, major faults).
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Workloads.Kinds.Io;

public sealed class DatabaseKind : WorkloadKind
{
    public override string Name => "database";
    public override string Description => "buffer_pool_kb of anonymous memory plus reads of working_set_kb of data_file";
    public override IReadOnlyList<WorkloadParam> Parameters { get; } =
    [
        WorkloadParam.Size("buffer_pool_kb", "1G", "the buffer pool, touched at start"),
        WorkloadParam.Text("data_file", "/var/lib/db/base.dat", "its data file"),
        WorkloadParam.Size("working_set_kb", "1G", "hot data read each tick round"),
        WorkloadParam.Size("read_kb_per_tick", "4M", "data read per tick at normal load"),
    ];

    public override Mechanism Needs(WorkloadParams p) => Mechanism.Spawn | Mechanism.AnonFaults | Mechanism.FileRead;

    public override IWorkloadBehavior Create(WorkloadParams p) =>
        new Behavior(p.Kb("buffer_pool_kb"), p.Text("data_file"), Math.Max(4, p.Kb("working_set_kb")) * 1024, p.Kb("read_kb_per_tick") * 1024);

    private sealed class Behavior(long poolKb, string dataFile, long workingSetBytes, long readBytes) : IWorkloadBehavior
    {
        private long _offset;

        public void Start(WorkloadContext c)
        {
            c.MapAndTouch(poolKb);
            c.Ledger.Allocated("buf_pool_init", poolKb * 1024);
        }

        public void Tick(WorkloadContext c)
        {
            long poolBytes = poolKb * 1024;
            long left = c.Scaled(readBytes);
            while (left > 0)
            {
                long n = Math.Min(left, workingSetBytes - _offset);
                long uncached = Math.Max(0, Math.Min(n, _offset + n - poolBytes));
                if (uncached > 0) c.Read(dataFile, _offset + n - uncached, uncached);
                left -= n;
                _offset = (_offset + n) % workingSetBytes;
            }
        }

        public void Stop(WorkloadContext c) { }
    }
}
