// Kernel messages as dmesg prints them: "[%5lu.%06lu] text", seconds since boot from the tick.
using MemQuest.Engine;

namespace MemQuest.App.Presentation;

public static class KernelLogLines
{
    public static string Line(long tick, string text)
    {
        long us = tick * Machine.TickMilliseconds * 1000;
        return $"[{us / 1_000_000,5}.{us % 1_000_000:000000}] {text}";
    }

    public static IReadOnlyList<string> From(IEnumerable<(long Tick, string Text)> entries) =>
        entries.Select(e => Line(e.Tick, e.Text)).ToList();
}
