// The text filters a console line may pipe into: head, tail, grep and wc -l, with the flags admins
// use on /proc output. Anything else after a `|` is refused with a clear message.
using System.Text.RegularExpressions;

namespace MemQuest.Scenarios.Shell;

public static class ShellFilters
{
    public static readonly string[] Names = ["head", "tail", "grep", "wc", "sort"];

    /// <summary>Apply one filter; returns null and sets error if its arguments are wrong.</summary>
    public static string? Apply(string input, IReadOnlyList<string> argv, out string? error)
    {
        error = null;
        var lines = input.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        switch (argv[0])
        {
            case "head":
            case "tail":
                if (!TryCount(argv, out int n, out error)) return null;
                var kept = argv[0] == "head" ? lines.Take(n) : lines.Skip(Math.Max(0, lines.Count - n));
                return Join(kept);
            case "grep":
                return Grep(lines, argv, out error);
            case "wc":
                if (argv.Count != 2 || argv[1] != "-l") { error = "wc: only 'wc -l' is supported here"; return null; }
                return lines.Count + "\n";
            case "sort":
                return Join(lines.Order(StringComparer.Ordinal));
            default:
                error = $"'{argv[0]}' cannot be used after '|' here; supported filters: {string.Join(", ", Names)}";
                return null;
        }
    }

    private static bool TryCount(IReadOnlyList<string> argv, out int n, out string? error)
    {
        n = 10;
        error = null;
        for (int i = 1; i < argv.Count; i++)
        {
            string a = argv[i];
            string? value = a == "-n" && i + 1 < argv.Count ? argv[++i]
                : a.StartsWith("-n", StringComparison.Ordinal) ? a[2..]
                : a.StartsWith('-') ? a[1..] : null;
            if (value is null || !int.TryParse(value, out n) || n < 0)
            {
                error = $"{argv[0]}: invalid number of lines: '{a}'";
                return false;
            }
        }
        return true;
    }

    private static string? Grep(List<string> lines, IReadOnlyList<string> argv, out string? error)
    {
        error = null;
        bool invert = false, ignoreCase = false;
        string? pattern = null;
        foreach (string a in argv.Skip(1))
        {
            if (a is "-v") invert = true;
            else if (a is "-i") ignoreCase = true;
            else if (a is "-E" or "-w") continue;
            else if (pattern is null) pattern = a;
            else { error = "grep: only one pattern and no file names are supported after '|'"; return null; }
        }
        if (pattern is null) { error = "Usage: grep [OPTION]... PATTERNS [FILE]..."; return null; }
        Regex re;
        try { re = new Regex(pattern, RegexOptions.NonBacktracking | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None)); }
        catch (ArgumentException) { error = $"grep: invalid pattern '{pattern}'"; return null; }
        return Join(lines.Where(l => re.IsMatch(l) != invert));
    }

    private static string Join(IEnumerable<string> lines)
    {
        var sb = new System.Text.StringBuilder();
        foreach (string l in lines) sb.Append(l).Append('\n');
        return sb.ToString();
    }
}
