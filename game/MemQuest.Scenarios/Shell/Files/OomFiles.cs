// Registers /proc/PID/oom_score (0444), /proc/PID/oom_score_adj and /proc/PID/oom_adj (0644)
// (fs/proc/base.c), kernel-spec §14.6-§14.7. The console is root with CAP_SYS_RESOURCE. Writing
// oom_score fails like the kernel's (no write method: EINVAL); a pid that is gone has no files.
using MemQuest.Engine;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Files;

public static class OomFiles
{
    private const string Prefix = "/proc/";
    private static readonly string[] Names = ["oom_adj", "oom_score", "oom_score_adj"];

    public static void Register(VirtualFiles files, Machine m, ShellContext context) =>
        files.AddProvider(Prefix, path => Resolve(m, context, path),
            () => m.Processes.ByPid.SelectMany(p => Names.Select(n => $"{Prefix}{p.Pid}/{n}")));

    private static VirtualFile? Resolve(Machine m, ShellContext context, string path)
    {
        string[] parts = path[Prefix.Length..].Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, null, out int pid)) return null;
        if (m.Processes.Find(pid) is not { } task) return null;
        return parts[1] switch
        {
            "oom_score" => new VirtualFile(() => OomScore.Render(task, OomScore.GlobalTotalPages(m)), _ => Errno.EINVAL),
            "oom_score_adj" => new VirtualFile(() => OomScoreAdj.ReadOomScoreAdj(task),
                text => Alive(m, task) ? OomScoreAdj.WriteOomScoreAdj(task, text, capSysResource: true) : Errno.ESRCH),
            "oom_adj" => new VirtualFile(() => OomScoreAdj.ReadOomAdj(task),
                text => Alive(m, task) ? m.Oom.WriteOomAdj(task, text, true, context.ShellComm, context.ShellPid) : Errno.ESRCH),
            _ => null,
        };
    }

    /// <summary>get_proc_task: the task behind an open /proc/PID file may have exited since (ESRCH).</summary>
    private static bool Alive(Machine m, Process task) => ReferenceEquals(m.Processes.Find(task.Pid), task);
}
