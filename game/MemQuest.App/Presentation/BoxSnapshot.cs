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
    /// <summary>Read the machine: oom_score as /proc/PID/oom_score prints it, the slab caches as
    /// slabinfo counts them, and the kernel log as dmesg prints it.</summary>
    public static BoxSnapshot Capture(Machine machine)
    {
        long totalPages = OomScore.GlobalTotalPages(machine);
        return new(machine.Tick,
            MemoryBarModel.From(Meminfo.Compute(machine)),
            BuddyOrdersModel.From(Buddyinfo.Compute(machine.Node)),
            ProcessRows.From(machine.Processes.TaskList, p => (long)OomScore.ProcOomScore(p, totalPages)),
            machine.Slab.Caches.Select(c => new SlabTopRow(c.Name, c.ActiveObjs, c.NumObjs, c.SizeBytes,
                c.NumSlabs * c.Layout.PagesPerSlab * (Units.PageSize / 1024))).ToList(),
            machine.Kmsg.Lines);
    }

    /// <summary>Simulated time as the title shows it: "00:01:23.4".</summary>
    public static string Clock(long tick)
    {
        long ms = tick * Machine.TickMilliseconds;
        return $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}.{ms / 100 % 10}";
    }
}
