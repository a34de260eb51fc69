// file-reader: reads a working set of a file over and over (a log shipper, a search index, a
// static-file server). Each read goes through the page cache: hits are cheap, misses are disk
// reads, so its latency follows how much of its working set stays cached.
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Workloads.Kinds.Io;

public sealed class FileReaderKind : WorkloadKind
{
    public override string Name => "file-reader";
    public override string Description => "reads read_kb_per_tick of the first working_set_kb of path, round and round";
    public override IReadOnlyList<WorkloadParam> Parameters { get; } =
    [
        WorkloadParam.Text("path", "/srv/data/index.db", "the file it reads"),
        WorkloadParam.Size("working_set_kb", "512M", "the part of the file it keeps reading"),
        WorkloadParam.Size("read_kb_per_tick", "8M", "bytes read per tick at normal load"),
        WorkloadParam.Size("rss_kb", "32M", "its own anonymous memory"),
    ];

    public override Mechanism Needs(WorkloadParams p) => Mechanism.Spawn | Mechanism.AnonFaults | Mechanism.FileRead;

    public override IWorkloadBehavior Create(WorkloadParams p) =>
        new Behavior(p.Text("path"), Math.Max(4, p.Kb("working_set_kb")) * 1024, p.Kb("read_kb_per_tick") * 1024, p.Kb("rss_kb"));

    private sealed class Behavior(string path, long workingSetBytes, long readBytes, long rssKb) : IWorkloadBehavior
    {
        private long _offset;

        public void Start(WorkloadContext c) => c.MapAndTouch(rssKb);

        public void Tick(WorkloadContext c)
        {
            long left = c.Scaled(readBytes);
            while (left > 0)
            {
                long n = Math.Min(left, workingSetBytes - _offset);
                c.Read(path, _offset, n);
                left -= n;
                _offset = (_offset + n) % workingSetBytes;
            }
        }

        public void Stop(WorkloadContext c) { }
    }
}
