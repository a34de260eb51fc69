// Free blocks per order and zone, as /proc/buddyinfo counts them, laid out as a small table that
// fits the pane: one row per populated zone, one column per order 0..10. Pure.
using MemQuest.Engine.Procfs;

namespace MemQuest.App.Presentation;

public sealed record BuddyOrdersModel(IReadOnlyList<BuddyOrdersModel.ZoneRow> Zones)
{
    public sealed record ZoneRow(string Zone, IReadOnlyList<long> NrFree);

    public static BuddyOrdersModel From(IEnumerable<Buddyinfo.Row> rows) =>
        new(rows.Select(r => new ZoneRow(r.Zone, r.NrFree.ToArray())).ToList());

    /// <summary>Header plus one line per zone; columns narrow (and counts abbreviate) to fit <paramref name="width"/>.</summary>
    public IReadOnlyList<string> Lines(int width)
    {
        int orders = Zones.Count == 0 ? 11 : Zones.Max(z => z.NrFree.Count);
        const int nameWidth = 7;
        int column = Math.Clamp((width - nameWidth) / Math.Max(1, orders), 3, 7);
        var lines = new List<string> { Fit("order".PadRight(nameWidth) + string.Concat(Enumerable.Range(0, orders).Select(o => o.ToString().PadLeft(column))), width) };
        foreach (ZoneRow z in Zones)
            lines.Add(Fit(z.Zone.PadRight(nameWidth) + string.Concat(z.NrFree.Select(n => Count(n, column - 1).PadLeft(column))), width));
        return lines;
    }

    /// <summary>A count in at most <paramref name="digits"/> characters: 12345 → "12k" when it must.</summary>
    public static string Count(long n, int digits)
    {
        string s = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (s.Length <= digits) return s;
        string[] suffixes = ["k", "M", "G"];
        long v = n;
        foreach (string suffix in suffixes)
        {
            v /= 1000;
            if (v == 0) break;
            string t = v + suffix;
            if (t.Length <= digits) return t;
        }
        return new string('+', Math.Max(1, digits));
    }

    private static string Fit(string s, int width) => width <= 0 ? "" : s.Length > width ? s[..width] : s;
}
