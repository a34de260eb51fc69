// One metric's spread as an inline SVG histogram: ten bins from 0 to the metric's maximum, each
// bar's height the number of players in it, and a marker per player (hover for the name) so a
// player sees where they sit among everyone, not only their rank.
using System.Globalization;
using System.Net;
using System.Text;

namespace MemQuest.Scenarios.Events;

public static class SvgHistogram
{
    public const int Bins = 10, WidthPx = 300, HeightPx = 120, BarAreaPx = 90;

    public static string Render(MetricSpread m)
    {
        int max = Math.Max(1, m.MaxPoints);
        int[] counts = new int[Bins];
        foreach (var v in m.Values) counts[Bin(v.Value, max)]++;
        int tallest = Math.Max(1, counts.Max());
        var s = new StringBuilder();
        s.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"histogram\" width=\"{WidthPx}\" height=\"{HeightPx}\" viewBox=\"0 0 {WidthPx} {HeightPx}\" role=\"img\" aria-label=\"{E(m.Incident)} {E(m.Metric)}\">");
        int barWidth = WidthPx / Bins;
        for (int i = 0; i < Bins; i++)
        {
            int h = counts[i] * BarAreaPx / tallest;
            s.Append($"<rect x=\"{i * barWidth + 1}\" y=\"{BarAreaPx - h}\" width=\"{barWidth - 2}\" height=\"{h}\" fill=\"#6b8fb3\"><title>{Lo(i, max)}-{Lo(i + 1, max)}: {counts[i]}</title></rect>");
        }
        foreach (var v in m.Values)
        {
            double x = Math.Min(max, Math.Max(0, v.Value)) * (WidthPx - 4.0) / max + 2;
            s.Append($"<circle class=\"player\" cx=\"{F(x)}\" cy=\"{BarAreaPx + 10}\" r=\"4\" fill=\"#c0392b\"><title>{E(v.Key)}: {v.Value}</title></circle>");
        }
        s.Append($"<text x=\"2\" y=\"{HeightPx - 4}\" font-size=\"10\">0</text><text x=\"{WidthPx - 2}\" y=\"{HeightPx - 4}\" font-size=\"10\" text-anchor=\"end\">{max}</text>");
        return s.Append("</svg>").ToString();
    }

    private static int Bin(int value, int max) => Math.Clamp(value * Bins / (max + 1), 0, Bins - 1);

    private static int Lo(int bin, int max) => bin * (max + 1) / Bins;

    private static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
