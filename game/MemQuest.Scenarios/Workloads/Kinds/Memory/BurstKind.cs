// burst: steady memory with a periodic spike (a report every few minutes): maps burst_kb, touches
// it, holds it hold_ticks, unmaps it.
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Workloads.Kinds.Memory;

public sealed class BurstKind : WorkloadKind
{
    public override string Name => "burst";
    public override string Description => "holds base_kb; every every_ticks maps and touches burst_kb for hold_ticks";
    public override IReadOnlyList<WorkloadParam> Parameters { get; } =
    [
        WorkloadParam.Size("base_kb", "32M", "memory touched at start"),
        WorkloadParam.Size("burst_kb", "256M", "memory of one burst"),
        WorkloadParam.Ticks("every_ticks", "600", "ticks between bursts"),
        WorkloadParam.Ticks("hold_ticks", "100", "ticks a burst is held"),
    ];

    public override Mechanism Needs(WorkloadParams p) => Mechanism.Spawn | Mechanism.AnonFaults;

    public override IWorkloadBehavior Create(WorkloadParams p) =>
        new Behavior(p.Kb("base_kb"), p.Kb("burst_kb"), Math.Max(1, p.Int("every_ticks")), p.Int("hold_ticks"));

    private sealed class Behavior(long baseKb, long burstKb, long everyTicks, long holdTicks) : IWorkloadBehavior
    {
        private long _burstAddr = -1, _burstStart, _burstKb;

        public void Start(WorkloadContext c) => c.MapAndTouch(baseKb);

        public void Tick(WorkloadContext c)
        {
            if (_burstAddr >= 0 && c.Tick - _burstStart >= holdTicks)
            {
                c.Kernel.Munmap(c.Pid, _burstAddr, _burstKb * 1024);
                _burstAddr = -1;
            }
            if (_burstAddr < 0 && c.Tick % everyTicks == 0)
            {
                _burstKb = c.Scaled(burstKb);
                _burstAddr = c.MapAndTouch(_burstKb);
                _burstStart = c.Tick;
            }
        }

        public void Stop(WorkloadContext c) { }
    }
}
