// Models the printk ring buffer (kernel/printk/printk.c) as `dmesg` prints it: every line stamped
// with the simulated time since boot, "[%5lu.%06lu] " (seconds, microseconds). Any subsystem logs
// through Printk; the console's dmesg reads Lines.
// Invariants: lines are kept oldest first; the retained text (stamps and newlines included) never
//   exceeds LogBufLenBytes; Written counts every line ever logged, dropped ones included.
// Not modelled: log levels and facilities (dmesg -x), continuation records, the console loglevel.
namespace MemQuest.Engine.Events;

public sealed class Kmsg(Func<long> uptimeMs)
{
    /// <summary>log_buf_len: 1 &lt;&lt; CONFIG_LOG_BUF_SHIFT (17, the x86 default) bytes of text.</summary>
    public const int LogBufLenBytes = 1 << 17;

    private readonly Queue<string> _lines = new();
    private long _bytes;

    /// <summary>Lines logged since boot, including those the ring has dropped.</summary>
    public long Written { get; private set; }

    /// <summary>The retained lines, oldest first, each with its "[    12.300000] " stamp and no newline.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>printk (kernel/printk/printk.c): log one line (no trailing newline) at the current simulated time.</summary>
    public void Printk(string line)
    {
        string stamped = Stamp(uptimeMs()) + line;
        _lines.Enqueue(stamped);
        _bytes += stamped.Length + 1;
        Written++;
        while (_bytes > LogBufLenBytes && _lines.Count > 1)
            _bytes -= _lines.Dequeue().Length + 1;
    }

    /// <summary>dmesg's "[%5lu.%06lu] " prefix for a time since boot in milliseconds.</summary>
    public static string Stamp(long uptimeMs)
    {
        long us = uptimeMs * 1000;
        return $"[{us / 1_000_000,5}.{us % 1_000_000:D6}] ";
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(Written);
        w.Add(_lines.Count);
        foreach (string l in _lines) w.Add(l);
    }
}
