// Reflows prose from content files (briefings, debriefs, the tutorial's text) to a view's width.
// YAML block scalars keep the author's line breaks, which wrap raggedly at any other width, so lines
// of one paragraph are joined and wrapped again at word boundaries. Kept as written: blank lines
// (paragraph breaks), list items ("- ", "* ", "1. ", which wrap with a hanging indent), and
// preformatted lines (indented by 4 or more spaces, or a "$ " command line). Pure.
using System.Text;
using System.Text.RegularExpressions;

namespace MemQuest.App.Presentation;

public static partial class TextReflow
{
    [GeneratedRegex(@"^(\s*)([-*•]|\d+[.)])\s+")]
    private static partial Regex ListItem();

    /// <summary>The rows of <paramref name="text"/> reflowed to <paramref name="width"/> columns.</summary>
    public static IReadOnlyList<string> Reflow(string text, int width)
    {
        if (!text.Contains('\n') && text.Length <= width) return [text.TrimEnd()];   // fits: keep its spacing
        var rows = new List<string>();
        var paragraph = new StringBuilder();
        string indent = "", hanging = "";
        void Flush()
        {
            if (paragraph.Length > 0) rows.AddRange(Wrap(paragraph.ToString(), width, indent, hanging));
            paragraph.Clear();
        }
        foreach (string raw in text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
        {
            string line = raw.TrimEnd();
            if (line.Length == 0) { Flush(); rows.Add(""); continue; }
            if (line.StartsWith("    ", StringComparison.Ordinal) || line.TrimStart().StartsWith("$ ", StringComparison.Ordinal))
            {
                Flush();
                rows.Add(line);
                continue;
            }
            Match item = ListItem().Match(line);
            if (item.Success)
            {
                Flush();
                indent = item.Groups[1].Value;
                hanging = new string(' ', item.Length);
                paragraph.Append(line.TrimStart());
                continue;
            }
            int leading = line.Length - line.TrimStart().Length;
            if (paragraph.Length > 0 && hanging.Length > 0 && leading < hanging.Length) Flush();   // a list item ended
            if (paragraph.Length == 0) { indent = ""; hanging = ""; }
            else paragraph.Append(' ');
            paragraph.Append(paragraph.Length == 0 ? line : line.TrimStart());
        }
        Flush();
        return rows;
    }

    /// <summary>One paragraph wrapped at word boundaries; the first row starts with <paramref name="indent"/>,
    /// the others with <paramref name="hanging"/>. A word longer than a row is cut.</summary>
    public static IReadOnlyList<string> Wrap(string paragraph, int width, string indent = "", string hanging = "")
    {
        var rows = new List<string>();
        var row = new StringBuilder(indent);
        int start = indent.Length;
        width = Math.Max(width, hanging.Length + 1);
        foreach (string w in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string word = w;
            if (row.Length > start && row.Length + 1 + word.Length > width)
            {
                rows.Add(row.ToString());
                row.Clear().Append(hanging);
                start = hanging.Length;
            }
            if (row.Length > start) row.Append(' ');
            while (row.Length + word.Length > width && word.Length > 0)
            {
                int room = width - row.Length;
                if (room <= 0) { rows.Add(row.ToString()); row.Clear().Append(hanging); start = hanging.Length; continue; }
                row.Append(word[..room]);
                word = word[room..];
                rows.Add(row.ToString());
                row.Clear().Append(hanging);
                start = hanging.Length;
            }
            row.Append(word);
        }
        if (row.Length > start || rows.Count == 0) rows.Add(row.ToString().TrimEnd());
        return rows;
    }
}
