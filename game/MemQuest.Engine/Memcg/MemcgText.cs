// Models the memory controller's interface files (mm/memcontrol.c memory_current_read,
// memory_max_show/write, memory_high_*, memory_events_show, memory_stat_show; mm/page_counter.c
// page_counter_memparse), kernel-spec §14.1: pure text in and out.
// memory.stat prints the 6.x counters up to "unevictable" (anon, file, pagetables are tracked;
// the others are 0 in this model); the slab and event-counter lines after it are left out.
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

    /// <summary>memory_stat_format's first block, in bytes (anon pages sit on the inactive anon list, kernel-spec §11).</summary>
    public static IEnumerable<string> StatLines(long anonPages, long filePages, long pgtablePages)
    {
        long anon = Units.PagesToBytes(anonPages), file = Units.PagesToBytes(filePages), pt = Units.PagesToBytes(pgtablePages);
        (string, long)[] rows =
        [
            ("anon", anon), ("file", file), ("kernel", pt), ("kernel_stack", 0), ("pagetables", pt), ("sec_pagetables", 0),
            ("percpu", 0), ("sock", 0), ("vmalloc", 0), ("shmem", 0), ("zswap", 0), ("zswapped", 0), ("file_mapped", file),
            ("file_dirty", 0), ("file_writeback", 0), ("swapcached", 0), ("anon_thp", 0), ("file_thp", 0), ("shmem_thp", 0),
            ("inactive_anon", anon), ("active_anon", 0), ("inactive_file", file), ("active_file", 0), ("unevictable", 0),
        ];
        return rows.Select(r => $"{r.Item1} {r.Item2}");
    }

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
