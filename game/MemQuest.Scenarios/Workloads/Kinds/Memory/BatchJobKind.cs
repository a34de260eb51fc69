// batch-job: starts at start_tick, grows to peak_kb over run_ticks (sorting, building an index),
// then exits, giving its memory back.
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Workloads.Kinds.Memory;

public sealed class BatchJobKind : WorkloadKind
{
    public override string Name => "batch-job";
    public override string Description => "from start_tick, touches up to peak_kb over run_ticks, then exits";
    public override IReadOnlyList<WorkloadParam> Parameters { get; } =
    [
        WorkloadParam.Ticks("start_tick", "0", "tick the job begins working"),
        WorkloadParam.Ticks("run_ticks", "600", "how long it runs"),
        WorkloadParam.Size("peak_kb", "512M", "memory it holds at the end of its run"),
    ];

    public override Mechanism Needs(WorkloadParams p) => Mechanism.Spawn | Mechanism.AnonFaults;

    public override IWorkloadBehavior Create(WorkloadParams p) =>
        new Behavior(p.Int("start_tick"), Math.Max(1, p.Int("run_ticks")), p.Kb("peak_kb"));

    private sealed class Behavior(long startTick, long runTicks, long peakKb) : IWorkloadBehavior
    {
        private long _addr = -1;

        public void Start(WorkloadContext c) { }

        public void Tick(WorkloadContext c)
        {
            if (c.Tick < startTick || c.Exited) return;
            if (_addr < 0)
            {
                _addr = c.Kernel.Mmap(c.Pid, peakKb * 1024);
                if (_addr < 0) { c.Ledger.Failed(); c.Exited = true; c.Journal.Add("Cannot allocate memory"); return; }
            }
            long elapsed = c.Tick - startTick;
            long pagesPerTick = Math.Max(1, Engine.Units.KbToPages(peakKb) / runTicks);
            if (elapsed < runTicks) c.Kernel.TouchPages(c.Pid, _addr + elapsed * pagesPerTick * Engine.Units.PageSize, pagesPerTick);
            else { c.Exited = true; c.Journal.Add("Finished."); }
        }

        public void Stop(WorkloadContext c) { }
    }
}
