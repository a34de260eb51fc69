// help [files]: what this console accepts, and (with 'files') every readable or writable path.
namespace MemQuest.Scenarios.Shell.Commands;

public sealed class HelpCommand : IShellCommand
{
    public string Name => "help";
    public string Synopsis => "help [files]                this list; 'help files' lists every /proc and /sys path";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        var sb = new System.Text.StringBuilder();
        if (argv.Count > 1 && argv[1] == "files")
        {
            foreach (string path in context.Files.AllPaths()) sb.Append(path).Append('\n');
            return ShellResult.Ok(sb.ToString());
        }
        sb.Append(context.Mode == ShellMode.Lab ? "memquest lab: commands\n" : "commands\n");
        foreach (IShellCommand c in ShellCommands.All().Values.Where(c => ShellCommands.Allowed(c, context.Mode)))
            sb.Append("  ").Append(c.Synopsis).Append('\n');
        sb.Append("Lines may be joined with ';' or '&&', piped into head, tail, grep, sort or wc -l, and\n");
        sb.Append("redirected with '>' into /proc and /sys files. 'help files' lists the files.\n");
        return ShellResult.Ok(sb.ToString());
    }
}
