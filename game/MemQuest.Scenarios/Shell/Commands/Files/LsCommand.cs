// ls [DIR|FILE]...: names in a directory of the simulated filesystem, sorted, one per line (as ls
// prints into a pipe). Listing looks every entry up, as ls's stat calls do.
using MemQuest.Engine.Filemap;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Commands.Files;

public sealed class LsCommand : IShellCommand
{
    public string Name => "ls";
    public string Synopsis => "ls [DIR]...                  list a directory";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        var paths = argv.Skip(1).ToList();
        if (paths.Any(p => p.StartsWith('-'))) return ShellResult.Usage("ls: options are not supported here; use 'ls DIR'");
        if (paths.Count == 0) paths.Add("/");
        var sb = new System.Text.StringBuilder();
        var err = new System.Text.StringBuilder();
        foreach (string p in paths)
        {
            Inode? i = context.Machine.Fs.Lookup(p, out Errno e);
            if (i is null) { err.Append($"ls: cannot access '{p}': {ErrnoText.Of(e)}\n"); continue; }
            if (paths.Count > 1 && i.IsDirectory) sb.Append(p).Append(":\n");
            if (!i.IsDirectory) { sb.Append(p).Append('\n'); continue; }
            foreach (Inode c in i.Children.Values)
            {
                context.Machine.Fs.Lookup(c.Path, out _);
                sb.Append(c.Name).Append('\n');
            }
        }
        return err.Length == 0 ? ShellResult.Ok(sb.ToString()) : ShellResult.Fail(err.ToString(), 2, sb.ToString());
    }
}
