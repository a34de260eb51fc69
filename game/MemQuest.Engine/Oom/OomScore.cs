// Models proc_oom_score (fs/proc/base.c), kernel-spec §14.6: /proc/PID/oom_score, the badness
// scaled to 0..2000 against the global totalpages (even for a task inside a memory cgroup).
// Invariants: ineligible tasks (LONG_MIN) read 0; the arithmetic is signed 64-bit with C
//   truncation at each division, printed as an unsigned long ("%lu").
using MemQuest.Engine.Mm;

namespace MemQuest.Engine.Oom;

public static class OomScore
{
    /// <summary>totalpages for a global OOM and for oom_score, kernel-spec §14.1: totalram_pages + total_swap_pages.</summary>
    public static long GlobalTotalPages(Machine m) => m.Node.TotalramPages + m.Swap.TotalPages;

    /// <summary>proc_oom_score (fs/proc/base.c), kernel-spec §14.6: (1000 + badness*1000/totalpages)*2/3, or 0.</summary>
    public static ulong ProcOomScore(Process p, long totalPages) => Points(OomBadness.Badness(p, totalPages), totalPages);

    /// <summary>The scaling step of proc_oom_score (fs/proc/base.c), kernel-spec §14.6, for a given badness.</summary>
    public static ulong Points(long badness, long totalPages)
    {
        if (badness == OomBadness.NotEligible) return 0;
        return unchecked((ulong)((1000 + badness * 1000 / totalPages) * 2 / 3));
    }

    /// <summary>The text of /proc/PID/oom_score: "%lu\n".</summary>
    public static string Render(Process p, long totalPages) => ProcOomScore(p, totalPages) + "\n";
}
