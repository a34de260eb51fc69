// Argument helpers shared by the process commands: sizes written the way admins write them
// (4096, 64k, 64K, 100M, 1G, 2GiB, 1T) and a process named by pid or by comm.
using System.Globalization;
using MemQuest.Engine;
using MemQuest.Engine.Mm;

namespace MemQuest.Scenarios.Shell.Commands.Tasks;

public static class TaskArgs
{
    /// <summary>Bytes from "4096", "64k", "100M", "1G", "2GiB", "1T"; false when malformed or above 1 PiB.</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        string t = text.Trim();
        if (t.EndsWith("iB", StringComparison.OrdinalIgnoreCase)) t = t[..^2];
        else if (t.EndsWith('B') || t.EndsWith('b')) t = t[..^1];
        int shift = 0;
        if (t.Length > 0 && char.IsLetter(t[^1]))
        {
            shift = char.ToUpperInvariant(t[^1]) switch { 'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, _ => -1 };
            if (shift < 0) return false;
            t = t[..^1];
        }
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n > (1L << 50) >> shift) return false;
        bytes = n << shift;
        return true;
    }

    /// <summary>The process a NAME|PID argument names: a pid, else the newest process with that comm.</summary>
    public static Process? Resolve(Machine m, string arg)
    {
        if (int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) return m.Processes.Find(pid);
        Process? found = null;
        foreach (Process p in m.Processes.TaskList)
            if (p.Comm == arg && p.Mm is not null) found = p;
        return found;
    }

    public static string Hex(long addr) => "0x" + addr.ToString("x", CultureInfo.InvariantCulture);
}
