// fork-snapshotter: an in-memory store that snapshots by forking (Redis BGSAVE): the child shares
// the dataset copy-on-write and writes it to dump_path, then exits. fork(2) must pass the
// overcommit check for the whole private size of the parent, so with vm.overcommit_memory=2 a big
// dataset's fork fails with ENOMEM even when the box has free memory.
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Workloads.Kinds.Io;

public sealed class ForkSnapshotterKind : WorkloadKind
{
    public override string Name => "fork-snapshotter";
    public override string Description => "holds dataset_kb; forks a child that writes dump_path every snapshot_every_ticks";
    public override IReadOnlyList<WorkloadParam> Parameters { get; } =
    [
        WorkloadParam.Size("dataset_kb", "2G", "the dataset, touched at start"),
        WorkloadParam.Ticks("snapshot_every_ticks", "600", "ticks between snapshots"),
        WorkloadParam.Ticks("snapshot_ticks", "50", "how long the child runs"),
        WorkloadParam.Text("dump_path", "/var/lib/redis/dump.rdb", "where the snapshot goes"),
        WorkloadParam.Size("dump_kb", "0", "size of the dump file (0: dataset_kb; an RDB file is compact, often well below the dataset's memory)"),
    ];

    public override Mechanism Needs(WorkloadParams p) => Mechanism.Spawn | Mechanism.AnonFaults | Mechanism.Fork | Mechanism.FileCreate;

    public override IWorkloadBehavior Create(WorkloadParams p) =>
        new Behavior(p.Kb("dataset_kb"), Math.Max(1, p.Int("snapshot_every_ticks")), p.Int("snapshot_ticks"), p.Text("dump_path"),
            p.Kb("dump_kb") > 0 ? p.Kb("dump_kb") : p.Kb("dataset_kb"));

    private sealed class Behavior(long datasetKb, long everyTicks, long snapshotTicks, string dumpPath, long dumpKb) : IWorkloadBehavior
    {
        private int _child;
        private long _childStart;

        public void Start(WorkloadContext c) => c.MapAndTouch(datasetKb);

        public void Tick(WorkloadContext c)
        {
            if (_child > 0 && c.Tick - _childStart >= snapshotTicks) FinishChild(c);
            if (_child > 0 || c.Tick % everyTicks != 0) return;
            int child = c.Kernel.Fork(c.Pid);
            if (child < 0)
            {
                c.ForkFailures++;
                c.LastSnapshotOk = false;
                c.Journal.Add("Can't save in background: fork: Cannot allocate memory");
                return;
            }
            _child = child;
            _childStart = c.Tick;
            c.Journal.Add($"Background saving started by pid {child}");
        }

        private void FinishChild(WorkloadContext c)
        {
            c.Kernel.CreateFile(_child, dumpPath, dumpKb * 1024);
            c.Kernel.Exit(_child);
            c.ForkSuccesses++;
            c.LastSnapshotOk = true;
            c.Journal.Add("Background saving terminated with success");
            _child = 0;
        }

        public void Stop(WorkloadContext c)
        {
            if (_child > 0) c.Kernel.Exit(_child);
            _child = 0;
        }
    }
}
