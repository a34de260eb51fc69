// The board as a terminal table, Markdown and CSV (RFC 4180 quoting). Deterministic: the same
// board gives the same bytes, with \n line ends.
using System.Text;

namespace MemQuest.Scenarios.Events;

public static class BoardText
{
    public static string Table(Board b)
    {
        var s = new StringBuilder($"{BoardCells.Heading(b)}\n\nPlayers\n");
        Aligned(s, BoardCells.PlayerHeader(b), BoardCells.PlayerRows(b));
        s.Append("\nTeams\n");
        Aligned(s, BoardCells.TeamHeader, BoardCells.TeamRows(b));
        s.Append("\nFirst solves\n");
        Aligned(s, BoardCells.FirstSolveHeader, BoardCells.FirstSolveRows(b));
        Rejected(s, b, "");
        return s.ToString();
    }

    public static string Markdown(Board b)
    {
        var s = new StringBuilder($"# {Md(BoardCells.Heading(b))}\n\n## Players\n\n");
        MdTable(s, BoardCells.PlayerHeader(b), BoardCells.PlayerRows(b));
        s.Append("\n## Teams\n\n");
        MdTable(s, BoardCells.TeamHeader, BoardCells.TeamRows(b));
        s.Append("\n## First solves\n\n");
        MdTable(s, BoardCells.FirstSolveHeader, BoardCells.FirstSolveRows(b));
        if (b.Rejections.Count > 0) s.Append("\n## Rejected\n\n");
        foreach (Rejection r in b.Rejections) s.Append($"* {Md(r.ToString())}\n");
        return s.ToString();
    }

    public static string Csv(Board b)
    {
        var s = new StringBuilder();
        CsvLine(s, ["kind", .. BoardCells.PlayerHeader(b)]);
        foreach (var row in BoardCells.PlayerRows(b)) CsvLine(s, ["player", .. row]);
        CsvLine(s, ["kind", .. BoardCells.TeamHeader]);
        foreach (var row in BoardCells.TeamRows(b)) CsvLine(s, ["team", .. row]);
        return s.ToString();
    }

    private static void Aligned(StringBuilder s, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        int[] widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        void Line(IReadOnlyList<string> cells) => s.Append(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
        Line(header);
        Line(widths.Select(w => new string('-', w)).ToList());
        foreach (var r in rows) Line(r);
    }

    private static void Rejected(StringBuilder s, Board b, string bullet)
    {
        if (b.Rejections.Count == 0) return;
        s.Append("\nRejected\n");
        foreach (Rejection r in b.Rejections) s.Append($"{bullet}{r}\n");
    }

    private static void MdTable(StringBuilder s, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        s.Append("| ").Append(string.Join(" | ", header.Select(Md))).Append(" |\n");
        s.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        foreach (var r in rows) s.Append("| ").Append(string.Join(" | ", r.Select(Md))).Append(" |\n");
    }

    private static string Md(string text) => text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("<", "&lt;").Replace("*", "\\*").Replace("_", "\\_");

    private static void CsvLine(StringBuilder s, IReadOnlyList<string> cells) =>
        s.Append(string.Join(",", cells.Select(Csv))).Append('\n');

    private static string Csv(string cell)
    {
        // A leading = + - @ would run as a formula in a spreadsheet: prefix it with a quote.
        string safe = cell.Length > 0 && "=+-@".Contains(cell[0]) && cell != "-" ? "'" + cell : cell;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }
}
