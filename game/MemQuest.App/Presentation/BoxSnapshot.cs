// Everything the box's panes show at one instant, computed from the machine in one pass after a
// beat (or a console line). Views receive these models and never see the Machine.
using MemQuest.Engine;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Procfs;

namespace MemQuest.App.Presentation;

public sealed record BoxSnapshot(
    long Tick,
    MemoryBarModel Memory,
    BuddyOrdersModel Buddy,
    IReadOnlyList<ProcessRow> Processes,
    IReadOnlyList<SlabTopRow> Slab,
    IReadOnlyList<string> KernelLog)
{
    /// <summary>Read the machine. <paramref name="oomScore"/> defaults to /proc/PID/oom_score (the OOM
    /// killer's proc_oom_score); <paramref name="slab"/> comes from the subsystem that owns it.</summary>
    public static BoxSnapshot Capture(Machine machine, Func<Process, long?>? oomScore = null,
        IEnumerable<SlabTopRow>? slab = null, IReadOnlyList<string>? kernelLog = null) =>
        new(machine.Tick,
            MemoryBarModel.From(Meminfo.Compute(machine)),
            BuddyOrdersModel.From(Buddyinfo.Compute(machine.Node)),
            ProcessRows.From(machine.Processes.TaskList, oomScore ?? (p => (long)OomScore.ProcOomScore(p, OomScore.GlobalTotalPages(machine)))),
            (slab ?? []).ToList(),
            kernelLog ?? []);

    /// <summary>Simulated time as the title shows it: "00:01:23.4".</summary>
    public static string Clock(long tick)
    {
        long ms = tick * Machine.TickMilliseconds;
        return $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}.{ms / 100 % 10}";
    }
}
