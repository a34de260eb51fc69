// cat FILE...: prints /proc and /sys files as the kernel renders them; errors as coreutils prints them.
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Commands;

public sealed class CatCommand : IShellCommand
{
    public string Name => "cat";
    public string Synopsis => "cat FILE...                  print a /proc or /sys file (Tab lists them; 'help files' too)";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count == 1) return ShellResult.Usage("cat: give a file name, e.g. 'cat /proc/buddyinfo' (reading standard input is not supported here)");
        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        foreach (string path in argv.Skip(1))
        {
            if (path.StartsWith('-')) return ShellResult.Fail($"cat: invalid option -- '{path.TrimStart('-')}'\nTry 'cat --help' for more information.\n");
            VirtualFile? file = context.Files.Find(path);
            if (file is null) { stderr.Append($"cat: {path}: {ErrnoText.Of(Errno.ENOENT)}\n"); continue; }
            if (file.OpenForRead != Errno.Ok) { stderr.Append($"cat: {path}: {ErrnoText.Of(file.OpenForRead)}\n"); continue; }
            stdout.Append(file.Read!());
        }
        return stderr.Length == 0 ? ShellResult.Ok(stdout.ToString()) : ShellResult.Fail(stderr.ToString(), 1, stdout.ToString());
    }
}
