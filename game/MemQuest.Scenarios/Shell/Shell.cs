// The console: one line in, what the real tools print out. Shared by `memquest lab` and the game.
// Handles `$(...)` substitution, `;`/`&&` sequences, redirection into /proc and /sys files (the
// way bash reports open and write errors), pipes into simple filters, and dispatch to commands.
using MemQuest.Engine;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell;

public sealed class Shell
{
    private readonly SortedDictionary<string, IShellCommand> _commands;
    private readonly SortedDictionary<string, IShellCommand> _allCommands;

    public Shell(Machine machine, ShellMode mode)
    {
        Context = new ShellContext(machine, mode, new VirtualFiles());
        _allCommands = ShellCommands.All();
        _commands = new(_allCommands.Where(c => ShellCommands.Allowed(c.Value, mode))
                                    .ToDictionary(c => c.Key, c => c.Value), StringComparer.Ordinal);
        ShellFiles.RegisterAll(Context.Files, machine, Context);
    }

    public ShellContext Context { get; }

    /// <summary>The commands this console accepts, by name.</summary>
    public IReadOnlyDictionary<string, IShellCommand> Commands => _commands;

    /// <summary>Run one console line.</summary>
    public ShellResult Run(string line)
    {
        string? expanded = ExpandSubstitutions(line, out ShellResult? substitutionError);
        if (expanded is null) return substitutionError!;
        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        ShellResult last = ShellResult.Ok("");
        foreach (var (joiner, text) in ShellWords.SplitSequence(expanded))
        {
            if (joiner == "&&" && !last.Succeeded) continue;
            last = RunSimple(text);
            if (last.Status is ShellStatus.UnknownCommand or ShellStatus.Usage) return last with { Stdout = stdout + last.Stdout, Stderr = stderr + last.Stderr };
            stdout.Append(last.Stdout);
            stderr.Append(last.Stderr);
        }
        return last with { Stdout = stdout.ToString(), Stderr = stderr.ToString() };
    }

    private string? ExpandSubstitutions(string line, out ShellResult? error)
    {
        error = null;
        int start;
        while ((start = line.IndexOf("$(", StringComparison.Ordinal)) >= 0)
        {
            int end = line.IndexOf(')', start);
            if (end < 0) { error = ShellResult.Usage("unterminated $( in the line; close it with ')'"); return null; }
            ShellResult inner = Run(line[(start + 2)..end]);
            if (inner.Status is ShellStatus.UnknownCommand or ShellStatus.Usage) { error = inner; return null; }
            string value = string.Join(' ', inner.Stdout.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            line = line[..start] + value + line[(end + 1)..];
        }
        return line;
    }

    private ShellResult RunSimple(string text)
    {
        List<string>? words = ShellWords.Split(text);
        if (words is null) return ShellResult.Usage("unterminated quote in the line");
        if (words.Count == 0) return ShellResult.Ok("");
        var segments = SplitPipes(words);
        if (segments.Any(s => s.Count == 0)) return ShellResult.Usage("syntax error near '|': a command is missing");
        if (!ParseRedirects(segments[^1], out List<string> argv, out string? target, out bool append, out bool dropStderr, out string? redirectError))
            return ShellResult.Usage(redirectError!);
        if (segments.Count > 1) segments[^1] = argv;
        else segments[0] = argv;
        ShellResult result = Dispatch(segments[0]);
        for (int i = 1; i < segments.Count && result.Status is ShellStatus.Ok or ShellStatus.Failed; i++)
        {
            string? filtered = ShellFilters.Apply(result.Stdout, segments[i], out string? filterError);
            if (filtered is null) return ShellResult.Usage(filterError!);
            result = result with { Stdout = filtered };
        }
        if (dropStderr) result = result with { Stderr = "" };
        return target is null || result.Status is not (ShellStatus.Ok or ShellStatus.Failed)
            ? result
            : Redirect(result, segments[0][0], target, append);
    }

    private static List<List<string>> SplitPipes(List<string> words)
    {
        var segments = new List<List<string>> { new() };
        foreach (string w in words)
        {
            if (w == "|") segments.Add([]);
            else segments[^1].Add(w);
        }
        return segments;
    }

    private static bool ParseRedirects(List<string> words, out List<string> argv, out string? target, out bool append, out bool dropStderr, out string? error)
    {
        argv = [];
        target = null;
        append = false;
        dropStderr = false;
        error = null;
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            bool isRedirect = w is ">" or ">>" or "1>" or "1>>" or "2>" or "2>>";
            if (!isRedirect) { argv.Add(w); continue; }
            if (i + 1 >= words.Count) { error = $"syntax error near '{w}': a file name must follow it"; return false; }
            string file = words[++i];
            if (w.StartsWith('2'))
            {
                if (file != "/dev/null") { error = "stderr can only be redirected to /dev/null here"; return false; }
                dropStderr = true;
                continue;
            }
            target = file;
            append = w.EndsWith(">>", StringComparison.Ordinal);
        }
        if (argv.Count == 0) { error = "a redirection needs a command, e.g. 'echo 1 > /proc/sys/vm/drop_caches'"; return false; }
        return true;
    }

    private ShellResult Redirect(ShellResult result, string command, string target, bool append)
    {
        if (target == "/dev/null") return result with { Stdout = "" };
        VirtualFile? file = Context.Files.Find(target);
        if (file is null) return Combine(result, $"bash: {target}: {ErrnoText.Of(Errno.ENOENT)}\n");
        if (file.OpenForWrite != Errno.Ok) return Combine(result, $"bash: {target}: {ErrnoText.Of(file.OpenForWrite)}\n");
        if (result.Stdout.Length == 0) return result;
        Errno e = file.Write!(result.Stdout);
        if (e == Errno.Ok) return result with { Stdout = "" };
        string who = command is "echo" or "printf" ? $"bash: {command}" : command;
        return Combine(result, $"{who}: write error: {ErrnoText.Of(e)}\n");
    }

    private static ShellResult Combine(ShellResult result, string error) =>
        result with { Stdout = "", Stderr = result.Stderr + error, Status = ShellStatus.Failed, ExitCode = 1 };

    private ShellResult Dispatch(List<string> argv)
    {
        if (_commands.TryGetValue(argv[0], out IShellCommand? command)) return command.Run(Context, argv);
        if (_allCommands.TryGetValue(argv[0], out IShellCommand? other))
            return ShellResult.Unknown(other.GameOnly
                ? $"{argv[0]}: command not found ('{argv[0]}' works only inside an incident: 'memquest play ID')"
                : $"{argv[0]}: command not found ('{argv[0]}' is a lab helper; it exists only in 'memquest lab')");
        string? near = Nearest(argv[0]);
        string hint = near is null ? "" : $"; did you mean '{near}'?";
        return ShellResult.Unknown($"{argv[0]}: command not found{hint} Type 'help' for the list of commands");
    }

    /// <summary>The available command with the smallest edit distance (at most 2), for "did you mean".</summary>
    public string? Nearest(string word)
    {
        string? best = null;
        int bestDistance = 3;
        foreach (string name in _commands.Keys)
        {
            int d = EditDistance(word, name);
            if (d < bestDistance) { bestDistance = d; best = name; }
        }
        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) row[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int diag = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int up = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diag + (a[i - 1] == b[j - 1] ? 0 : 1));
                diag = up;
            }
        }
        return row[b.Length];
    }
}
