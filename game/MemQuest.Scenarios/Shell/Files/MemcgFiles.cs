// Registers the cgroup v2 memory controller's files under /sys/fs/cgroup (kernel-spec §14.1):
// cgroup.procs and memory.stat at the root; cgroup.procs, memory.current, memory.max, memory.high,
// memory.events and memory.stat in every group. Read-only files refuse writers (kernfs: EACCES).
// Mkdir/Rmdir are the directory operations the console's mkdir and rmdir use for these paths.
using MemQuest.Engine;
using MemQuest.Engine.Memcg;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Files;

public static class MemcgFiles
{
    public const string Prefix = "/sys/fs/cgroup";
    private static readonly string[] GroupFiles = ["cgroup.procs", "memory.current", "memory.events", "memory.high", "memory.max", "memory.stat"];

    public static void Register(VirtualFiles files, Machine m, ShellContext context) =>
        files.AddProvider(Prefix + "/", path => Resolve(m, context, path), () => List(m));

    /// <summary>The cgroup path ("/web") of a /sys/fs/cgroup directory, or null outside the hierarchy.</summary>
    public static string? CgroupPath(string path)
    {
        string p = VirtualFiles.Normalize(path);
        if (p == Prefix) return "/";
        return p.StartsWith(Prefix + "/", StringComparison.Ordinal) ? p[Prefix.Length..] : null;
    }

    public static Errno Mkdir(Machine m, string path) =>
        CgroupPath(path) is { } cg ? (cg == "/" ? Errno.EEXIST : m.Cgroups.Mkdir(cg)) : Errno.ENOENT;

    public static Errno Rmdir(Machine m, string path) =>
        CgroupPath(path) is { } cg ? m.Cgroups.Rmdir(cg) : Errno.ENOENT;

    private static IEnumerable<string> List(Machine m) =>
        m.Cgroups.PreOrder(m.Cgroups.Root).SelectMany(g => g.IsRoot
            ? new[] { "cgroup.procs", "memory.stat" }.Select(f => $"{Prefix}/{f}")
            : GroupFiles.Select(f => $"{Prefix}{g.Path}/{f}"));

    private static VirtualFile? Resolve(Machine m, ShellContext context, string path)
    {
        int slash = path.LastIndexOf('/');
        string file = path[(slash + 1)..];
        MemCgroup? g = m.Cgroups.Find(path[Prefix.Length..slash]);
        if (g is null || (g.IsRoot && file is not ("cgroup.procs" or "memory.stat"))) return null;
        return file switch
        {
            "cgroup.procs" => new VirtualFile(() => string.Concat(m.Cgroups.LiveProcs(g).Select(p => p.Pid + "\n")), text => WriteProcs(m, g, text)),
            "memory.current" => VirtualFile.ReadOnly(() => MemcgText.Current(g)),
            "memory.events" => VirtualFile.ReadOnly(() => MemcgText.Events(g)),
            "memory.stat" => VirtualFile.ReadOnly(() => Stat(m, g)),
            "memory.max" => new VirtualFile(() => MemcgText.Limit(g.MaxPages), text => SetLimit(text, v => m.MemcgCharge.WriteMax(g, v, context.ShellComm))),
            "memory.high" => new VirtualFile(() => MemcgText.Limit(g.HighPages), text => SetLimit(text, v => m.MemcgCharge.WriteHigh(g, v))),
            _ => null,
        };
    }

    private static string Stat(Machine m, MemCgroup g) =>
        string.Concat(MemcgText.StatLines(m.MemcgStat.Compute(g)).Select(l => l + "\n"));

    private static Errno SetLimit(string text, Action<long> set)
    {
        Errno e = MemcgText.ParseLimit(text, out long pages);
        if (e == Errno.Ok) set(pages);
        return e;
    }

    /// <summary>cgroup_procs_write (kernel/cgroup/cgroup.c): kstrtoint base 0 of one pid; EINVAL, ESRCH.</summary>
    private static Errno WriteProcs(Machine m, MemCgroup g, string text)
    {
        Errno e = OomScoreAdj.KstrtointStripped(text, out int pid);
        if (e != Errno.Ok || pid < 0) return Errno.EINVAL;
        return m.Cgroups.Attach(pid, g);
    }
}
