// rm [-f] FILE...: unlink files of the simulated filesystem; their page cache goes with them.
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Commands.Files;

public sealed class RmCommand : IShellCommand
{
    public string Name => "rm";
    public string Synopsis => "rm [-f] FILE...              remove files (their cached pages are freed)";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        bool force = argv.Skip(1).Any(a => a == "-f");
        var files = argv.Skip(1).Where(a => a != "-f").ToList();
        if (files.Any(f => f.StartsWith('-'))) return ShellResult.Fail($"rm: invalid option -- '{files.First(f => f.StartsWith('-')).TrimStart('-')}'\nTry 'rm --help' for more information.\n");
        if (files.Count == 0) return force ? ShellResult.Ok("") : ShellResult.Fail("rm: missing operand\nTry 'rm --help' for more information.\n");
        var err = new System.Text.StringBuilder();
        foreach (string f in files)
        {
            if (context.Machine.Swap.IsActive(f)) { err.Append($"rm: cannot remove '{f}': Operation not permitted\n"); continue; }
            Errno e = context.Machine.Fs.Unlink(f);
            if (e == Errno.Ok || (force && e == Errno.ENOENT)) continue;
            err.Append(e == Errno.EISDIR ? $"rm: cannot remove '{f}': Is a directory\n" : $"rm: cannot remove '{f}': {ErrnoText.Of(e)}\n");
        }
        return err.Length == 0 ? ShellResult.Ok("") : ShellResult.Fail(err.ToString());
    }
}
