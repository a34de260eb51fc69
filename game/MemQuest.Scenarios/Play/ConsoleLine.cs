// A console line as the session logs it: canonical text (words split as bash splits them, joined by
// single spaces, quoted only where needed), the commands it runs, and what kind of action it is
// for the collateral-cost table. The canonical line is the replay's command record.
using MemQuest.Scenarios.Shell;
using MemQuest.Scenarios.Model.Costs;

namespace MemQuest.Scenarios.Play;

public static class ConsoleLine
{
    /// <summary>The canonical form, or null if the line does not split (an unterminated quote).</summary>
    public static string? Canonical(string line)
    {
        var parts = new List<string>();
        foreach (var (joiner, text) in ShellWords.SplitSequence(line.Trim()))
        {
            List<string>? words = ShellWords.Split(text);
            if (words is null) return null;
            string simple = string.Join(' ', words.Select(Quote));
            parts.Add(joiner.Length == 0 ? simple : $"{joiner} {simple}");
        }
        return string.Join(' ', parts).Replace(" ; ", "; ", StringComparison.Ordinal);
    }

    private static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => !char.IsWhiteSpace(c) && c is not ('\'' or '"' or ';' or '&' or '\\'))) return word;
        return word.Contains('\'') ? "\"" + word.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : "'" + word + "'";
    }

    /// <summary>argv of every simple command and pipe segment of the line, $(...) included.</summary>
    public static IReadOnlyList<List<string>> Commands(string line)
    {
        var all = new List<List<string>>();
        int start;
        while ((start = line.IndexOf("$(", StringComparison.Ordinal)) >= 0)
        {
            int end = line.IndexOf(')', start);
            if (end < 0) break;
            all.AddRange(Commands(line[(start + 2)..end]));
            line = line[..start] + "X" + line[(end + 1)..];
        }
        foreach (var (_, text) in ShellWords.SplitSequence(line))
        {
            List<string>? words = ShellWords.Split(text);
            if (words is null) continue;
            var segment = new List<string>();
            foreach (string w in words.Append("|"))
            {
                if (w != "|") { segment.Add(w); continue; }
                if (segment.Count > 0) all.Add(segment);
                segment = [];
            }
        }
        return all;
    }

    /// <summary>The actions a line takes (empty for reading); costs are charged for these.</summary>
    public static IReadOnlyList<ActionKind> Actions(string line) =>
        Commands(line).Select(Classify).Where(a => a != ActionKind.Read).ToList();

    private static ActionKind Classify(List<string> argv)
    {
        int redirect = argv.FindIndex(w => w is ">" or ">>" or "1>" or "1>>");
        string? target = redirect >= 0 && redirect + 1 < argv.Count ? argv[redirect + 1] : null;
        if (target is not null && target != "/dev/null") return ClassifyWrite(target);
        return argv[0] switch
        {
            "kill" or "pkill" or "killall" => ActionKind.Kill,
            "sysctl" when argv.Any(a => a.Contains('=')) => ActionKind.Sysctl,
            "systemctl" when argv.Count > 1 => argv[1] switch
            {
                "restart" or "try-restart" or "reload-or-restart" => ActionKind.Restart,
                "stop" => ActionKind.Stop,
                "start" => ActionKind.Start,
                "set-environment" or "unset-environment" => ActionKind.Environment,
                _ => ActionKind.Read,
            },
            "edit" => ActionKind.Edit,
            "modprobe" or "rmmod" or "insmod" => ActionKind.Modprobe,
            _ => ActionKind.Read,
        };
    }

    private static ActionKind ClassifyWrite(string path) => path switch
    {
        "/proc/sys/vm/drop_caches" => ActionKind.DropCaches,
        "/proc/sys/vm/compact_memory" => ActionKind.CompactMemory,
        _ when path.StartsWith("/proc/sys/", StringComparison.Ordinal) => ActionKind.Sysctl,
        _ when path.EndsWith("/oom_score_adj", StringComparison.Ordinal) => ActionKind.OomScoreAdj,
        _ => ActionKind.Sysctl,
    };

    /// <summary>Names of the commands the game console offers (plus the pipe filters).</summary>
    public static IReadOnlySet<string> GameCommandNames { get; } =
        ShellCommands.All().Values.Where(c => ShellCommands.Allowed(c, ShellMode.Game)).Select(c => c.Name)
            .Concat(ShellFilters.Names).ToHashSet(StringComparer.Ordinal);
}
