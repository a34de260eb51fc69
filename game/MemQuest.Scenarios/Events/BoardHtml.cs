// The board as one self-contained HTML page: inline CSS, inline SVG histograms, no scripts and no
// external assets, the same rows as the table, Markdown and CSV. Every text is HTML-encoded.
using System.Net;
using System.Text;

namespace MemQuest.Scenarios.Events;

public static class BoardHtml
{
    private const string Style = "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}" +
        "td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}.spread{display:inline-block;margin:0 1em 1em 0}.rejected{color:#a00}";

    public static string Render(Board b)
    {
        var s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        s.Append($"<title>{E(b.Title)}</title><style>{Style}</style></head><body>\n");
        s.Append($"<h1>{E(BoardCells.Heading(b))}</h1>\n<h2>Players</h2>\n");
        Table(s, "players", "player", BoardCells.PlayerHeader(b), BoardCells.PlayerRows(b));
        s.Append("<h2>Teams</h2>\n");
        Table(s, "teams", "team", BoardCells.TeamHeader, BoardCells.TeamRows(b));
        s.Append("<h2>First solves</h2>\n");
        Table(s, "first-solves", "first-solve", BoardCells.FirstSolveHeader, BoardCells.FirstSolveRows(b));
        s.Append("<h2>Where everyone sits</h2>\n");
        foreach (MetricSpread m in b.Spreads)
            s.Append($"<figure class=\"spread\"><figcaption>{E(m.Incident)}: {E(m.Metric)}</figcaption>{SvgHistogram.Render(m)}</figure>\n");
        if (b.Rejections.Count > 0) s.Append("<h2>Rejected</h2>\n<ul class=\"rejected\">\n");
        foreach (Rejection r in b.Rejections) s.Append($"<li>{E(r.ToString())}</li>\n");
        if (b.Rejections.Count > 0) s.Append("</ul>\n");
        return s.Append("</body></html>\n").ToString();
    }

    private static void Table(StringBuilder s, string id, string rowClass, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        s.Append($"<table id=\"{id}\"><thead><tr>");
        foreach (string h in header) s.Append($"<th>{E(h)}</th>");
        s.Append("</tr></thead><tbody>\n");
        foreach (var r in rows) s.Append($"<tr class=\"{rowClass}\">").Append(string.Concat(r.Select(c => $"<td>{E(c)}</td>"))).Append("</tr>\n");
        s.Append("</tbody></table>\n");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
