// The console's state as plain data: the transcript (prompt lines and what the tools printed), the
// history walked with Up/Down, and bash-like Tab completion of commands, paths (one directory level
// at a time) and pids. The view only draws this; the screen runs the lines.
namespace MemQuest.App.Presentation;

public sealed class ConsoleModel(string prompt, CompletionSources sources, int maxLines = 2000)
{
    private readonly List<string> _history = [];
    private readonly List<string> _lines = [];
    private int _historyIndex;
    private string _draft = "";

    public string Prompt { get; } = prompt;
    public IReadOnlyList<string> Lines => _lines;
    public IReadOnlyList<string> History => _history;

    /// <summary>Record a line the player entered and what it printed.</summary>
    public void Record(string line, string output)
    {
        if (line.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != line)) _history.Add(line);
        _historyIndex = _history.Count;
        _draft = "";
        Append(Prompt + line);
        Print(output);
    }

    /// <summary>Text without a prompt line (a message from the game, a kernel line).</summary>
    public void Print(string text)
    {
        if (text.Length == 0) return;
        foreach (string l in text.TrimEnd('\n').Split('\n')) Append(l.Replace("\t", "    ", StringComparison.Ordinal));
    }

    public void Clear() => _lines.Clear();

    /// <summary>The transcript as screen rows of at most <paramref name="width"/> cells (long lines wrap).</summary>
    public IReadOnlyList<string> Wrapped(int width)
    {
        if (width <= 0) return [];
        var rows = new List<string>(_lines.Count);
        foreach (string line in _lines)
        {
            if (line.Length <= width) { rows.Add(line); continue; }
            for (int i = 0; i < line.Length; i += width) rows.Add(line.Substring(i, Math.Min(width, line.Length - i)));
        }
        return rows;
    }

    /// <summary>Up: the previous history entry (the line being typed is kept as a draft).</summary>
    public string Previous(string current)
    {
        if (_history.Count == 0) return current;
        if (_historyIndex == _history.Count) _draft = current;
        _historyIndex = Math.Max(0, _historyIndex - 1);
        return _history[_historyIndex];
    }

    /// <summary>Down: the next history entry, then back to the draft.</summary>
    public string Next(string current)
    {
        if (_historyIndex >= _history.Count) return current;
        _historyIndex++;
        return _historyIndex == _history.Count ? _draft : _history[_historyIndex];
    }

    /// <summary>Tab: complete the last word of <paramref name="line"/>.</summary>
    public Completion Complete(string line)
    {
        int start = line.LastIndexOfAny([' ', '>', '|', ';', '(']) + 1;
        string word = line[start..];
        bool first = line[..start].Trim().Length == 0 || line[..start].TrimEnd().EndsWith(';') || line[..start].TrimEnd().EndsWith('|');
        IEnumerable<string> pool = first && !word.StartsWith('/') ? sources.Commands()
            : word.StartsWith('/') ? NextPathLevel(word)
            : word.Length == 0 || word.All(char.IsDigit) ? sources.Pids().Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : sources.Commands();
        var options = pool.Where(o => o.StartsWith(word, StringComparison.Ordinal)).Distinct().OrderBy(o => o, StringComparer.Ordinal).ToList();
        if (options.Count == 0) return new Completion(line, []);
        if (options.Count == 1)
        {
            string done = options[0];
            string tail = done.EndsWith('/') ? "" : " ";
            return new Completion(line[..start] + done + tail, []);
        }
        string common = options.Aggregate(CommonPrefix);
        return new Completion(line[..start] + common, common.Length > word.Length ? [] : options);
    }

    private IEnumerable<string> NextPathLevel(string word)
    {
        foreach (string path in sources.Paths())
        {
            if (!path.StartsWith(word, StringComparison.Ordinal)) continue;
            int slash = path.IndexOf('/', word.Length);
            yield return slash < 0 ? path : path[..(slash + 1)];
        }
    }

    private static string CommonPrefix(string a, string b)
    {
        int n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return a[..n];
    }

    private void Append(string line)
    {
        _lines.Add(line);
        if (_lines.Count > maxLines) _lines.RemoveRange(0, _lines.Count - maxLines);
    }
}
