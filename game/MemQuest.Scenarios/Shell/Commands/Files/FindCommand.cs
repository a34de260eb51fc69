// find DIR: print DIR and every path under it; each entry is looked up (a dentry and an inode come
// into the caches if they were not there: the classic way updatedb grows the dentry cache).
using MemQuest.Engine.Filemap;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Commands.Files;

public sealed class FindCommand : IShellCommand
{
    public string Name => "find";
    public string Synopsis => "find DIR                     walk a directory tree (fills the dentry and inode caches)";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count != 2 || argv[1].StartsWith('-')) return ShellResult.Usage("find: this console supports 'find DIR' only");
        string start = argv[1];
        Inode? root = context.Machine.Fs.Lookup(start, out Errno e);
        if (root is null) return ShellResult.Fail($"find: '{start}': {ErrnoText.Of(e)}\n");
        var sb = new System.Text.StringBuilder();
        Walk(context, root, start.TrimEnd('/') is "" ? "/" : start.TrimEnd('/'), sb);
        return ShellResult.Ok(sb.ToString());
    }

    private static void Walk(ShellContext context, Inode dir, string shown, System.Text.StringBuilder sb)
    {
        sb.Append(shown).Append('\n');
        foreach (Inode c in dir.Children.Values.ToList())
        {
            context.Machine.Fs.Lookup(c.Path, out _);
            string child = shown == "/" ? "/" + c.Name : shown + "/" + c.Name;
            if (c.IsDirectory) Walk(context, c, child, sb);
            else sb.Append(child).Append('\n');
        }
    }
}
