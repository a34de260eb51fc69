// steady: a daemon that maps and initialises a fixed amount of anonymous memory at start and keeps
// it (sshd, cron, an agent). Its RSS comes from page faults on the region it touches.
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Workloads.Kinds.Memory;

public sealed class SteadyKind : WorkloadKind
{
    public override string Name => "steady";
    public override string Description => "maps and touches rss_kb of anonymous memory at start, then holds it";
    public override IReadOnlyList<WorkloadParam> Parameters { get; } =
        [WorkloadParam.Size("rss_kb", "0", "anonymous memory mapped and touched at start")];

    public override Mechanism Needs(WorkloadParams p) => Mechanism.Spawn | (p.Kb("rss_kb") > 0 ? Mechanism.AnonFaults : 0);

    public override IWorkloadBehavior Create(WorkloadParams p) => new Behavior(p.Kb("rss_kb"));

    private sealed class Behavior(long rssKb) : IWorkloadBehavior
    {
        public void Start(WorkloadContext c) => c.MapAndTouch(rssKb);
        public void Tick(WorkloadContext c) { }
        public void Stop(WorkloadContext c) { }
    }
}
