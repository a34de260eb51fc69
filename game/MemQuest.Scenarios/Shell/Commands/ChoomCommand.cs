// choom (util-linux 2.38.1): show or change a process's OOM score adjustment through
// /proc/PID/oom_score and /proc/PID/oom_score_adj, with choom's own messages and exit codes.
// Running a COMMAND under a new adjustment (choom -n N -- CMD) is not possible in this console.
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Commands;

public sealed class ChoomCommand : IShellCommand
{
    private const string TryHelp = "Try 'choom --help' for more information.\n";
    private const string Help = """

        Usage:
         choom [options] -p pid
         choom [options] -n number -p pid
         choom [options] -n number [--] command [args...]]

        Display and adjust OOM-killer score.

        Options:
         -n, --adjust <num>     specify the adjust score value
         -p, --pid <num>        process ID

         -h, --help             display this help
         -V, --version          display version

        For more details see choom(1).

        """;

    public string Name => "choom";
    public string Synopsis => "choom -p PID [-n ADJ]        show or set a process's oom_score_adj (util-linux)";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        var o = new Options();
        ShellResult? early = Parse(argv, o);
        if (early is not null) return early;
        if (o.Rest.Count > 0 && o.Pid != 0) return ShellResult.Fail($"choom: invalid argument: {o.Rest[0]}\n{TryHelp}");
        if (o.Pid == 0 && o.Rest.Count < 1) return ShellResult.Fail($"choom: no PID or COMMAND specified\n{TryHelp}");
        if (o.Rest.Count > 0 && o.Adj is null) return ShellResult.Fail($"choom: no OOM score adjust value specified\n{TryHelp}");
        if (o.Rest.Count > 0)
            return ShellResult.Usage("choom -n N COMMAND: starting a command is not possible in this console; start it, then use 'choom -p PID -n N'");
        return o.Adj is null ? Show(context, o.Pid) : Change(context, o.Pid, o.Adj.Value);
    }

    private static ShellResult Show(ShellContext context, int pid)
    {
        if (!TryRead(context, $"/proc/{pid}/oom_score", out int score, out Errno e))
            return ShellResult.Fail($"choom: failed to read OOM score value: {ErrnoText.Of(e)}\n");
        if (!TryRead(context, $"/proc/{pid}/oom_score_adj", out int adj, out e))
            return ShellResult.Fail($"choom: failed to read OOM score adjust value: {ErrnoText.Of(e)}\n");
        return ShellResult.Ok($"pid {pid}'s current OOM score: {score}\npid {pid}'s current OOM score adjust value: {adj}\n");
    }

    private static ShellResult Change(ShellContext context, int pid, int adj)
    {
        string path = $"/proc/{pid}/oom_score_adj";
        if (!TryRead(context, path, out int old, out Errno e))
            return ShellResult.Fail($"choom: failed to read OOM score adjust value: {ErrnoText.Of(e)}\n");
        VirtualFile? file = context.Files.Find(path);
        e = file is null ? Errno.ENOENT : file.Write!(adj.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (e != Errno.Ok) return ShellResult.Fail($"choom: failed to set score adjust value: {ErrnoText.Of(e)}\n");
        return ShellResult.Ok($"pid {pid}'s OOM score adjust value changed from {old} to {adj}\n");
    }

    /// <summary>ul_path_read_s32: open, read, parse one integer.</summary>
    private static bool TryRead(ShellContext context, string path, out int value, out Errno error)
    {
        value = 0;
        VirtualFile? file = context.Files.Find(path);
        error = file is null ? Errno.ENOENT : file.OpenForRead;
        if (error != Errno.Ok) return false;
        if (int.TryParse(file!.Read!().Trim(), out value)) return true;
        error = Errno.EINVAL;
        return false;
    }

    private sealed class Options
    {
        public int Pid { get; set; }
        public int? Adj { get; set; }
        public List<string> Rest { get; } = [];
    }

    /// <summary>getopt_long with "hn:p:V" (permuting; "--" ends options); null when parsing succeeded.</summary>
    private static ShellResult? Parse(IReadOnlyList<string> argv, Options o)
    {
        for (int i = 1; i < argv.Count; i++)
        {
            string a = argv[i];
            if (a == "--") { o.Rest.AddRange(argv.Skip(i + 1)); break; }
            if (!a.StartsWith('-') || a == "-") { o.Rest.Add(a); continue; }
            if (a is "-h" or "--help") return ShellResult.Ok(Help);
            if (a is "-V" or "--version") return ShellResult.Ok("choom from util-linux 2.38.1\n");
            (char? opt, string? value, ShellResult? error) = SplitOption(argv, ref i);
            if (error is not null) return error;
            if (!StrToS32(value!, out int n, out string? why))
                return ShellResult.Fail($"choom: invalid {(opt == 'p' ? "PID" : "adjust")} argument: '{value}'{why}\n");
            if (opt == 'p') o.Pid = n; else o.Adj = n;
        }
        return null;
    }

    private static (char?, string?, ShellResult?) SplitOption(IReadOnlyList<string> argv, ref int i)
    {
        string a = argv[i];
        char? opt = a switch
        {
            "--pid" or "-p" => 'p',
            "--adjust" or "-n" => 'n',
            _ when a.StartsWith("--pid=", StringComparison.Ordinal) => 'p',
            _ when a.StartsWith("--adjust=", StringComparison.Ordinal) => 'n',
            _ when a.Length > 2 && a[1] is 'p' or 'n' => a[1],
            _ => null,
        };
        if (opt is null)
            return (null, null, ShellResult.Fail(a.StartsWith("--", StringComparison.Ordinal)
                ? $"choom: unrecognized option '{a}'\n{TryHelp}"
                : $"choom: invalid option -- '{a[1]}'\n{TryHelp}"));
        int eq = a.IndexOf('=');
        if (a.StartsWith("--", StringComparison.Ordinal) && eq > 0) return (opt, a[(eq + 1)..], null);
        if (!a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2) return (opt, a[2..], null);
        if (i + 1 >= argv.Count)
            return (null, null, ShellResult.Fail(a.StartsWith("--", StringComparison.Ordinal)
                ? $"choom: option '{a}' requires an argument\n{TryHelp}"
                : $"choom: option requires an argument -- '{opt}'\n{TryHelp}"));
        return (opt, argv[++i], null);
    }

    /// <summary>strtos32_or_err (util-linux strutils): base 10, leading blanks and a sign allowed, nothing after.</summary>
    private static bool StrToS32(string text, out int value, out string? why)
    {
        value = 0;
        why = null;
        string s = text.TrimStart(' ', '\t', '\n', '\v', '\f', '\r');
        int start = s.StartsWith('-') || s.StartsWith('+') ? 1 : 0;
        if (s.Length == start || s.Skip(start).Any(c => c is < '0' or > '9')) return false;
        if (!long.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long v)
            || v < int.MinValue || v > int.MaxValue)
        {
            why = ": Numerical result out of range";
            return false;
        }
        value = (int)v;
        return true;
    }
}
