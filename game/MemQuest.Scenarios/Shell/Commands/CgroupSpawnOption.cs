// `spawn ... --cgroup NAME`: start the program inside the memory cgroup /sys/fs/cgroup/NAME, as a
// shell that wrote its own pid into that group's cgroup.procs before forking would (the child is
// born there, so every page it faults in is charged to the group), kernel-spec §14.1.
using MemQuest.Engine.Memcg;

namespace MemQuest.Scenarios.Shell.Commands;

public static class CgroupSpawnOption
{
    /// <summary>Remove "--cgroup NAME" from argv; error text if NAME is missing or not a cgroup.</summary>
    public static string? Take(ShellContext context, IReadOnlyList<string> argv, out List<string> rest, out MemCgroup? group)
    {
        rest = [.. argv];
        group = null;
        int i = rest.IndexOf("--cgroup");
        if (i < 0) return null;
        if (i + 1 >= rest.Count) return "--cgroup needs a cgroup name, e.g. --cgroup web";
        string name = rest[i + 1];
        rest.RemoveRange(i, 2);
        group = context.Machine.Cgroups.Find("/" + name.Trim('/'));
        return group is null ? $"no cgroup '{name}': create it first with 'mkdir /sys/fs/cgroup/{name.Trim('/')}'" : null;
    }

    /// <summary>Run <paramref name="start"/> with the console's shell inside <paramref name="group"/>.</summary>
    public static T RunInside<T>(ShellContext context, MemCgroup? group, Func<T> start)
    {
        if (group is null) return start();
        MemcgTree tree = context.Machine.Cgroups;
        tree.AttachOutsideTask(context.ShellPid, group);
        try { return start(); }
        finally { tree.AttachOutsideTask(context.ShellPid, tree.Root); }
    }
}
