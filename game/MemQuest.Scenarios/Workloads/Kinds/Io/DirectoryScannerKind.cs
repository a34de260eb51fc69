// directory-scanner: walks a tree and stats every file (updatedb, a backup agent, a virus scan).
// Each lookup creates a dentry and an inode in their slab caches; those are reclaimable but fill
// `free`'s used column until reclaim or drop_caches 2 frees them.
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Workloads.Kinds.Io;

public sealed class DirectoryScannerKind : WorkloadKind
{
    public override string Name => "directory-scanner";
    public override string Description => "from start_tick, stats files_per_tick files under root until it has seen files";
    public override IReadOnlyList<WorkloadParam> Parameters { get; } =
    [
        WorkloadParam.Text("root", "/srv/files", "the tree it walks"),
        WorkloadParam.Count("files", "2000000", "files in the tree"),
        WorkloadParam.Count("files_per_tick", "5000", "files stat'ed per tick"),
        WorkloadParam.Ticks("start_tick", "0", "tick the scan begins"),
    ];

    public override Mechanism Needs(WorkloadParams p) => Mechanism.Spawn | Mechanism.FileCreate;

    public override IWorkloadBehavior Create(WorkloadParams p) =>
        new Behavior(p.Text("root"), p.Int("files"), p.Int("files_per_tick"), p.Int("start_tick"));

    /// <summary>"000" to "999": the file part of a path, formatted once.</summary>
    private static readonly string[] FileNames = [.. Enumerable.Range(0, 1000).Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))];

    private sealed class Behavior(string root, long files, long perTick, long startTick) : IWorkloadBehavior
    {
        private long _next;
        // "{root}/d{n / 1000:D5}/f" of the directory being filled: a path is this plus "{n % 1000:D3}".
        private long _dirIndex = -1;
        private string _dirPrefix = "";

        public void Start(WorkloadContext c) { }

        public void Tick(WorkloadContext c)
        {
            if (c.Tick < startTick || _next >= files) return;
            for (long i = 0; i < perTick && _next < files; i++, _next++)
            {
                if (_next / 1000 != _dirIndex)
                {
                    _dirIndex = _next / 1000;
                    _dirPrefix = $"{root}/d{_dirIndex:D5}/f";
                }
                c.Kernel.CreateFile(c.Pid, string.Concat(_dirPrefix, FileNames[_next % 1000]), 0);
            }
            if (_next >= files) c.Journal.Add($"scan of {root} finished: {files} files");
        }

        public void Stop(WorkloadContext c) { }
    }
}
