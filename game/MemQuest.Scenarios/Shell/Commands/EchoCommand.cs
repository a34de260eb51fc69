// echo [-n] WORD...: bash's builtin; with `> FILE` it is how an admin writes /proc and /sys knobs.
namespace MemQuest.Scenarios.Shell.Commands;

public sealed class EchoCommand : IShellCommand
{
    public string Name => "echo";
    public string Synopsis => "echo VALUE > FILE            write a knob, e.g. echo 1 > /proc/sys/vm/compact_memory";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        bool newline = true;
        int first = 1;
        if (argv.Count > 1 && argv[1] == "-n") { newline = false; first = 2; }
        string text = string.Join(' ', argv.Skip(first));
        return ShellResult.Ok(newline ? text + "\n" : text);
    }
}
