// Splits a console line the way bash does for the subset the console supports: quotes, backslash
// escapes, `;` and `&&` between commands, `|` into a filter, and `>`, `>>`, `2>` redirections.
namespace MemQuest.Scenarios.Shell;

public static class ShellWords
{
    /// <summary>Split a line into commands joined by ";" or "&amp;&amp;" (the joiner precedes each command but the first).</summary>
    public static IReadOnlyList<(string Joiner, string Text)> SplitSequence(string line)
    {
        var parts = new List<(string, string)>();
        var current = new System.Text.StringBuilder();
        string joiner = "";
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; current.Append(c); continue; }
            if (c is '\'' or '"') { quote = c; current.Append(c); continue; }
            if (c == '\\' && i + 1 < line.Length) { current.Append(c).Append(line[++i]); continue; }
            bool and = c == '&' && i + 1 < line.Length && line[i + 1] == '&';
            if (c == ';' || and)
            {
                parts.Add((joiner, current.ToString()));
                current.Clear();
                joiner = and ? "&&" : ";";
                if (and) i++;
                continue;
            }
            current.Append(c);
        }
        parts.Add((joiner, current.ToString()));
        return parts.Where(p => p.Item2.Trim().Length > 0).ToList();
    }

    /// <summary>Words of one simple command (quotes removed); null if a quote is unterminated.</summary>
    public static List<string>? Split(string text)
    {
        var words = new List<string>();
        var w = new System.Text.StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0'; else w.Append(c);
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(w.ToString()); w.Clear(); inWord = false; }
                continue;
            }
            inWord = true;
            if (c is '\'' or '"') quote = c;
            else if (c == '\\' && i + 1 < text.Length) w.Append(text[++i]);
            else if (c is '>' or '|')
            {
                if (w.Length > 0 && !(w.Length == 1 && char.IsDigit(w[0]))) { words.Add(w.ToString()); w.Clear(); }
                w.Append(c);
                if (c == '>' && i + 1 < text.Length && text[i + 1] == '>') w.Append(text[++i]);
                words.Add(w.ToString());
                w.Clear();
                inWord = false;
            }
            else w.Append(c);
        }
        if (quote != '\0') return null;
        if (inWord) words.Add(w.ToString());
        return words;
    }
}
