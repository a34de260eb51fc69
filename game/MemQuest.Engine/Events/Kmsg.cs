// Models the kernel log ring (kernel/printk) minimally: lines with the tick they were logged at,
// rendered by dmesg with the "[%5lu.%06lu] " uptime stamp. A bounded ring keeps the newest lines.
// Placeholder until the OOM subsystem's kernel log is merged (the lead reconciles the two).
namespace MemQuest.Engine.Events;

public sealed class Kmsg
{
    public const int Capacity = 4096;
    private readonly List<(long Tick, string Text)> _lines = [];

    public IReadOnlyList<(long Tick, string Text)> Lines => _lines;

    /// <summary>printk: append one line (without the trailing newline).</summary>
    public void Printk(long tick, string text)
    {
        if (_lines.Count == Capacity) _lines.RemoveAt(0);
        _lines.Add((tick, text));
    }

    /// <summary>dmesg's default view: "[    1.234567] text" per line, uptime from the tick.</summary>
    public string Render()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var (tick, text) in _lines)
        {
            long ms = tick * Machine.TickMilliseconds;
            sb.Append($"[{ms / 1000,5}.{ms % 1000 * 1000:D6}] {text}\n");
        }
        return sb.ToString();
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(_lines.Count);
        foreach (var (tick, text) in _lines) { w.Add(tick); w.Add(text); }
    }
}
