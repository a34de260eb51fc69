// batch-job: starts at start_tick, grows to peak_kb over run_ticks (sorting, building an index),
// then exits, giving its memory back. With min_free_kb it first checks /proc/meminfo the way many
// job launchers do (check_field MemFree is the classic mistake: page cache counts as "used"), and
// retries every retry_ticks until the check passes.
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
        WorkloadParam.Size("min_free_kb", "0", "refuse to start while check_field is below this (0: no check)"),
        WorkloadParam.Choice("check_field", "MemAvailable", "the /proc/meminfo line the start check reads", "MemFree", "MemAvailable"),
        WorkloadParam.Ticks("retry_ticks", "600", "ticks between start checks"),
    ];

    public override Mechanism Needs(WorkloadParams p) => Mechanism.Spawn | Mechanism.AnonFaults;

    public override IWorkloadBehavior Create(WorkloadParams p) =>
        new Behavior(p.Int("start_tick"), Math.Max(1, p.Int("run_ticks")), p.Kb("peak_kb"), p.Kb("min_free_kb"), p.Text("check_field"), Math.Max(1, p.Int("retry_ticks")));

    private sealed class Behavior(long startTick, long runTicks, long peakKb, long minFreeKb, string checkField, long retryTicks) : IWorkloadBehavior
    {
        private long _addr = -1;
        private long _startedAt = -1;

        private bool StartCheckPasses(WorkloadContext c)
        {
            if (minFreeKb == 0) return true;
            if ((c.Tick - startTick) % retryTicks != 0) return false;
            long have = c.Kernel.MeminfoKb(checkField);
            if (have >= minFreeKb) return true;
            c.Journal.Add($"not enough free memory: {checkField} {have} kB < {minFreeKb} kB required; retrying in {retryTicks / 10} s");
            return false;
        }

        public void Start(WorkloadContext c) { }

        public void Tick(WorkloadContext c)
        {
            if (c.Tick < startTick || c.Exited) return;
            if (_startedAt < 0)
            {
                if (!StartCheckPasses(c)) return;
                _startedAt = c.Tick;
                c.Journal.Add("Starting job.");
            }
            if (_addr < 0)
            {
                _addr = c.Kernel.Mmap(c.Pid, peakKb * 1024);
                if (_addr < 0) { c.Ledger.Failed(); c.Exited = true; c.Journal.Add("Cannot allocate memory"); return; }
            }
            long elapsed = c.Tick - _startedAt;
            long pagesPerTick = Math.Max(1, Engine.Units.KbToPages(peakKb) / runTicks);
            if (elapsed < runTicks) c.Kernel.TouchPages(c.Pid, _addr + elapsed * pagesPerTick * Engine.Units.PageSize, pagesPerTick);
            else { c.Exited = true; c.Journal.Add("Finished."); }
        }

        public void Stop(WorkloadContext c) { }
    }
}
