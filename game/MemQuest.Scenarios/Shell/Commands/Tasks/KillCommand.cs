// kill [-SIGNAL | -s SIGNAL | -n NUM] PID...: bash's builtin. Signals whose default action ends the
// program (TERM, KILL, HUP, INT, ...) make it exit and free its memory (exit_mmap); STOP/CONT/0 do
// nothing visible here. Silent on success; errors exactly as bash prints them.
using System.Globalization;
using MemQuest.Engine.Mm;

namespace MemQuest.Scenarios.Shell.Commands.Tasks;

public sealed class KillCommand : IShellCommand
{
    private const string Usage = "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n";
    private static readonly string[] Names =
        ["0", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM",
         "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU"];

    public string Name => "kill";
    public string Synopsis => "kill [-SIGNAL] PID...          end a process (its memory goes back)";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        int sig = 15, i = 1;
        if (argv.Count > 1 && argv[1].StartsWith('-') && argv[1].Length > 1)
        {
            string spec = argv[1][1..];
            if (spec is "s" or "n") { if (argv.Count < 3) return ShellResult.Fail($"bash: kill: -{spec}: option requires an argument\n" + Usage, 2); spec = argv[2]; i = 3; }
            else i = 2;
            sig = Parse(spec);
            if (sig < 0) return ShellResult.Fail($"bash: kill: {spec}: invalid signal specification\n", 1);
        }
        if (i >= argv.Count) return ShellResult.Fail(Usage, 2);
        var err = new System.Text.StringBuilder();
        for (; i < argv.Count; i++)
        {
            if (!int.TryParse(argv[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int pid))
            { err.Append($"bash: kill: {argv[i]}: arguments must be process or job IDs\n"); continue; }
            Process? p = context.Machine.Processes.Find(pid);
            if (p is null || pid <= 0) { err.Append($"bash: kill: ({argv[i]}) - No such process\n"); continue; }
            if (pid == context.ShellPid || p.Mm is null || sig is 0 or 17 or 18 or 19 or 20 or 21 or 22 or 23 or 28) continue;
            context.Machine.Mm.Exit(p);
        }
        return err.Length == 0 ? ShellResult.Ok("") : ShellResult.Fail(err.ToString());
    }

    private static int Parse(string spec)
    {
        if (int.TryParse(spec, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) return n <= 64 ? n : -1;
        string s = spec.ToUpperInvariant();
        if (s.StartsWith("SIG", StringComparison.Ordinal)) s = s[3..];
        int idx = Array.IndexOf(Names, s);
        return idx > 0 ? idx : -1;
    }
}
