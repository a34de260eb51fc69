// mkfiles DIR COUNT (lab helper): create COUNT empty files DIR/f1 .. DIR/fCOUNT, each with a new
// dentry and ext4 inode (what a mail spool or a cache directory does to the dentry cache).
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Commands.Files;

public sealed class MkfilesCommand : IShellCommand
{
    public const int MaxCount = 1_000_000;

    public string Name => "mkfiles";
    public string Synopsis => "mkfiles DIR COUNT            create COUNT empty files in DIR (grows dentry/inode caches)";
    public bool LabOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count != 3 || !int.TryParse(argv[2], out int count) || count < 1 || count > MaxCount)
            return ShellResult.Usage($"mkfiles takes a directory and a count from 1 to {MaxCount} (usage: mkfiles DIR COUNT)");
        string dir = argv[1].TrimEnd('/');
        var fs = context.Machine.Fs;
        var d = fs.Lookup(dir.Length == 0 ? "/" : dir, out Errno e);
        if (d is null || !d.IsDirectory) return ShellResult.Fail($"mkfiles: {argv[1]}: {ErrnoText.Of(d is null ? e : Errno.ENOTDIR)}\n");
        int made = 0;
        for (int i = 1; made < count && i <= 10 * MaxCount; i++)
        {
            if (d.Children.ContainsKey("f" + i)) continue;
            if (fs.Create($"{dir}/f{i}", out Errno ce) is null) return ShellResult.Fail($"mkfiles: {dir}/f{i}: {ErrnoText.Of(ce)} (created {made})\n");
            made++;
        }
        return ShellResult.Ok("");
    }
}
