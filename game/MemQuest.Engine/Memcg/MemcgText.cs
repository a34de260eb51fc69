// Models the memory controller's interface files (mm/memcontrol.c memory_current_read,
// memory_max_show/write, memory_high_*, memory_events_show, memory_stat_show; mm/page_counter.c
// page_counter_memparse), kernel-spec §14.1: pure text in and out.
// memory.stat's values come from MemcgStat (every 6.18 line, in order).
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Memcg;

public static class MemcgText
{
    /// <summary>memory.current: usage in bytes.</summary>
    public static string Current(MemCgroup g) => Units.PagesToBytes(g.UsagePages) + "\n";

    /// <summary>memory.max / memory.high: "max" or bytes.</summary>
    public static string Limit(long pages) => pages >= MemCgroup.Unlimited ? "max\n" : Units.PagesToBytes(pages) + "\n";

    /// <summary>memory_events_show: the memcg_memory_event counters.</summary>
    public static string Events(MemCgroup g) =>
        $"low {g.Events[(int)MemcgEvent.Low]}\nhigh {g.Events[(int)MemcgEvent.High]}\nmax {g.Events[(int)MemcgEvent.Max]}\n"
        + $"oom {g.Events[(int)MemcgEvent.Oom]}\noom_kill {g.Events[(int)MemcgEvent.OomKill]}\n"
        + $"oom_group_kill {g.Events[(int)MemcgEvent.OomGroupKill]}\n";

    /// <summary>memory.stat's lines ("name value", memcg_stat_format), from MemcgStat.Compute.</summary>
    public static IEnumerable<string> StatLines(IReadOnlyList<(string Name, long Value)> rows) =>
        rows.Select(r => $"{r.Name} {r.Value}");

    /// <summary>page_counter_memparse (mm/page_counter.c): "max", or memparse bytes (base 0, K/M/G/T/P/E
    /// suffix) rounded down to pages; anything after the number is EINVAL.</summary>
    public static Errno ParseLimit(string text, out long pages)
    {
        pages = 0;
        string s = text.Trim(' ', '\t', '\n', '\v', '\f', '\r');
        if (s == "max") { pages = MemCgroup.Unlimited; return Errno.Ok; }
        int shift = 0;
        if (s.Length > 0 && "KkMmGgTtPpEe".Contains(s[^1]))
        {
            shift = "KkMmGgTtPpEe".IndexOf(s[^1]) / 2 * 10 + 10;
            s = s[..^1];
        }
        if (s.Length == 0 && shift == 0) return Errno.Ok;              // memparse("") is 0
        if (s.StartsWith('-') || s.StartsWith('+') || s.Any(char.IsWhiteSpace) || !KernelInt.TryParse(s, out long value))
            return Errno.EINVAL;
        ulong bytes = (ulong)value << shift;
        if (shift > 0 && (bytes >> shift) != (ulong)value) bytes = ulong.MaxValue;
        pages = (long)Math.Min(bytes / (ulong)Units.PageSize, (ulong)MemCgroup.Unlimited);
        return Errno.Ok;
    }
}
