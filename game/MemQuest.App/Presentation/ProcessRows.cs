// The process table as rows and fixed-width lines (pid, name, RSS, oom_score_adj, oom_score), in
// pid order so a selection stays put while the box runs. Kernel threads (no mm) are left out, as
// the OOM killer leaves them out. Pure.
using MemQuest.Engine;
using MemQuest.Engine.Mm;

namespace MemQuest.App.Presentation;

public static class ProcessRows
{
    public const string Header = "    PID COMMAND              RSS    ADJ  SCORE";

    /// <summary>Rows for user processes; <paramref name="oomScore"/> gives /proc/PID/oom_score (null: unknown).</summary>
    public static IReadOnlyList<ProcessRow> From(IEnumerable<Process> processes, Func<Process, long?> oomScore) =>
        processes.Where(p => p.Mm is not null)
                 .OrderBy(p => p.Pid)
                 .Select(p => new ProcessRow(p.Pid, p.Comm, Units.K(p.Mm!.RssPages), p.OomScoreAdj, oomScore(p)))
                 .ToList();

    public static string Line(ProcessRow r) =>
        $"{r.Pid,7} {Clip(r.Name, 15),-15} {Sizes.FromKb(r.RssKb),8} {r.OomScoreAdj,6} {(r.OomScore?.ToString() ?? "-"),6}";

    public static IReadOnlyList<string> Lines(IReadOnlyList<ProcessRow> rows) => rows.Select(Line).ToList();

    private static string Clip(string s, int n) => s.Length > n ? s[..n] : s;
}
