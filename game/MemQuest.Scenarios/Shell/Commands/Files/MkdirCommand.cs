// mkdir [-p] DIR...: make directories in the simulated filesystem (each gets a dentry and an inode).
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Commands.Files;

public sealed class MkdirCommand : IShellCommand
{
    public string Name => "mkdir";
    public string Synopsis => "mkdir [-p] DIR...            make directories";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        bool parents = argv.Skip(1).Any(a => a == "-p");
        var dirs = argv.Skip(1).Where(a => a != "-p").ToList();
        if (dirs.Count == 0) return ShellResult.Fail("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
        var err = new System.Text.StringBuilder();
        foreach (string d in dirs)
        {
            if (!d.StartsWith('/')) { err.Append($"mkdir: cannot create directory '{d}': give an absolute path (the console has no current directory)\n"); continue; }
            if (parents)
            {
                if (context.Machine.Fs.Mkdir(d, parents: true) is null) err.Append($"mkdir: cannot create directory '{d}': Not a directory\n");
                continue;
            }
            Errno e = context.Machine.Fs.MkdirOne(d);
            if (e != Errno.Ok) err.Append($"mkdir: cannot create directory '{d}': {ErrnoText.Of(e)}\n");
        }
        return err.Length == 0 ? ShellResult.Ok("") : ShellResult.Fail(err.ToString());
    }
}
