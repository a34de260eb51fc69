// The one memory bar (game-design §5.6): used / buff+cache / free exactly as procps `free` defines
// them from /proc/meminfo, with MemAvailable marked as a span from the right edge. Pure: built from
// Meminfo.Compute's numbers, drawn by MemoryBarView, tested as data.
using MemQuest.Engine.Procfs;

namespace MemQuest.App.Presentation;

public sealed record MemoryBarModel(long TotalKb, long UsedKb, long BuffCacheKb, long FreeKb, long AvailableKb)
{
    public const char UsedCell = '█';
    public const char CacheCell = '▒';
    public const char FreeCell = '░';

    /// <summary>procps free: buff/cache = Buffers + Cached + SReclaimable; used = total - free - buff/cache
    /// (total - free if that would be negative).</summary>
    public static MemoryBarModel From(Meminfo.Values m)
    {
        long total = m["MemTotal"], free = m["MemFree"];
        long buffCache = m["Buffers"] + m["Cached"] + m["SReclaimable"];
        long used = total - free - buffCache;
        if (used < 0) used = total - free;
        return new MemoryBarModel(total, used, buffCache, free, m["MemAvailable"]);
    }

    /// <summary>The bar as <paramref name="width"/> cells: used, then buff/cache, then free.</summary>
    public string Cells(int width)
    {
        if (width <= 0 || TotalKb <= 0) return new string(FreeCell, Math.Max(0, width));
        int used = Scale(UsedKb, width);
        int cache = Math.Min(width - used, Scale(UsedKb + BuffCacheKb, width) - used);
        return new string(UsedCell, used) + new string(CacheCell, cache) + new string(FreeCell, width - used - cache);
    }

    /// <summary>Column where MemAvailable starts: everything from here to the right edge is available.</summary>
    public int AvailableColumn(int width) =>
        TotalKb <= 0 ? 0 : Math.Clamp(width - Scale(AvailableKb, width), 0, Math.Max(0, width - 1));

    /// <summary>The line under the bar: a bracket from the available column to the right edge, labelled.</summary>
    public string AvailableSpan(int width)
    {
        if (width <= 0) return "";
        string label = $" available {Sizes.FromKb(AvailableKb)} ";
        int start = AvailableColumn(width);
        int span = width - start;
        if (span >= label.Length + 2)
        {
            int dashes = span - 2 - label.Length;
            int left = dashes / 2;
            return new string(' ', start) + "└" + new string('─', left) + label + new string('─', dashes - left) + "┘";
        }
        string bracket = span >= 2 ? "└" + new string('─', span - 2) + "┘" : "▲";
        string text = label.Trim() + " ";
        int pad = start - text.Length;
        string line = pad >= 0 ? new string(' ', pad) + text + bracket : (text + bracket);
        return line.Length > width ? line[..width] : line.PadRight(width);
    }

    /// <summary>The legend, the way free's columns name the parts.</summary>
    public string Legend(bool withTotal = true) =>
        $"{UsedCell} used {Sizes.FromKb(UsedKb)}   {CacheCell} buff/cache {Sizes.FromKb(BuffCacheKb)}   " +
        $"{FreeCell} free {Sizes.FromKb(FreeKb)}" + (withTotal ? $"   total {Sizes.FromKb(TotalKb)}" : "");

    private int Scale(long kb, int width) => (int)Math.Round((double)Math.Clamp(kb, 0, TotalKb) * width / TotalKb);
}
