// mkdir DIR... / rmdir DIR... for the cgroup v2 hierarchy under /sys/fs/cgroup (kernel-spec §14.1):
// making a directory there creates a memory cgroup; coreutils' messages for errors.
// (When the console also has a filesystem mkdir, that command delegates /sys/fs/cgroup paths to
// MemcgFiles.Mkdir/Rmdir instead.)
using MemQuest.Engine.Sysctl;
using MemQuest.Scenarios.Shell.Files;

namespace MemQuest.Scenarios.Shell.Commands;

public sealed class CgroupDirCommand(bool remove) : IShellCommand
{
    public string Name => remove ? "rmdir" : "mkdir";
    public string Synopsis => remove
        ? "rmdir /sys/fs/cgroup/NAME        remove an empty memory cgroup"
        : "mkdir /sys/fs/cgroup/NAME        create a memory cgroup (cgroup v2)";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        var dirs = argv.Skip(1).Where(a => a != "-p").ToList();
        if (dirs.Count == 0) return ShellResult.Fail($"{Name}: missing operand\nTry '{Name} --help' for more information.\n");
        var err = new System.Text.StringBuilder();
        foreach (string d in dirs)
        {
            if (MemcgFiles.CgroupPath(d) is null)
            {
                err.Append(remove ? $"rmdir: failed to remove '{d}': {ErrnoText.Of(Errno.ENOENT)}\n"
                                  : $"mkdir: cannot create directory '{d}': only /sys/fs/cgroup/... can be created on this box\n");
                continue;
            }
            Errno e = remove ? MemcgFiles.Rmdir(context.Machine, d) : MemcgFiles.Mkdir(context.Machine, d);
            if (e == Errno.Ok || (e == Errno.EEXIST && argv.Contains("-p") && !remove)) continue;
            err.Append(remove ? $"rmdir: failed to remove '{d}': {ErrnoText.Of(e)}\n" : $"mkdir: cannot create directory '{d}': {ErrnoText.Of(e)}\n");
        }
        return err.Length == 0 ? ShellResult.Ok("") : ShellResult.Fail(err.ToString());
    }
}
