// Models `ps aux` (procps-ng 4 ps/output.c: pr_euser, pr_pid, pr_pcpu, pr_pmem, pr_vsz, pr_rss,
// pr_tty8, pr_stat, pr_start, pr_time, pr_args) for the box's processes in pid order: the BSD
// column layout, TTY "?" for daemons and kernel threads (no controlling terminal) and the console's
// pts for programs started from it, %MEM = rss*1000/MemTotal as "%2u.%u", START as HH:MM of
// simulated wall time (the box boots at 00:00), TIME as cumulative CPU "M:SS" (the lab's programs
// sleep: 0:00), and procps's overflow rule: a value wider than its column pushes the rest right.
using System.Text;
using MemQuest.Engine.Mm;

namespace MemQuest.Engine.Procfs.Pid;

public static class PsAux
{
    public const string Header = "USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n";

    public static string Render(Machine m)
    {
        var sb = new StringBuilder(Header);
        long memTotalKb = Units.K(m.Node.TotalramPages);
        foreach (Process p in m.Processes.ByPid) sb.Append(Row(p, memTotalKb)).Append('\n');
        return sb.ToString();
    }

    public static string Row(Process p, long memTotalKb)
    {
        long rssKb = p.Mm is null ? 0 : Units.K(p.Mm.RssPages);
        long vszKb = p.Mm is null ? 0 : Units.K(p.Mm.TotalVmPages);
        long pmem = memTotalKb == 0 ? 0 : Math.Min(999, rssKb * 1000 / memTotalKb);
        long minutes = p.StartTick * Machine.TickMilliseconds / 60000;
        string start = $"{minutes / 60 % 24:00}:{minutes % 60:00}";
        string user = p.Uid == 0 ? "root" : p.Uid.ToString();
        var cols = new (string Text, int Width, bool Left)[]
        {
            (user, 8, true), (p.Pid.ToString(), 5, false), ("0.0", 4, false), ($"{pmem / 10}.{pmem % 10}", 4, false),
            (vszKb.ToString(), 6, false), (rssKb.ToString(), 5, false), (p.Tty ?? "?", 8, true),
            (p.Exiting ? "Z" : "S", 4, true), (start, 5, false), ("0:00", 6, false),
        };
        var sb = new StringBuilder();
        int debt = 0;
        foreach (var (text, width, left) in cols)
        {
            int pad = Math.Max(0, width - text.Length - debt);
            debt = Math.Max(0, debt + text.Length - width);
            if (left) sb.Append(text).Append(' ', pad); else sb.Append(' ', pad).Append(text);
            sb.Append(' ');
        }
        sb.Append(p.IsKernelThread ? $"[{p.Comm}]" : p.Cmdline);
        return sb.ToString();
    }
}
