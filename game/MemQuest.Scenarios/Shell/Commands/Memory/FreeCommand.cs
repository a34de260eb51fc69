// free [-b|-k|-m|-g] [-h] [-w] (procps-ng 4.0.x free.c): the Mem and Swap rows from /proc/meminfo,
// with used = MemTotal - MemFree - Buffers - (Cached + SReclaimable) and buff/cache = Buffers +
// Cached + SReclaimable; a 9-column label, then %11s columns; -h scales like procps scale_size.
using MemQuest.Engine.Procfs;

namespace MemQuest.Scenarios.Shell.Commands.Memory;

public sealed class FreeCommand : IShellCommand
{
    public string Name => "free";
    public string Synopsis => "free [-k|-m|-g|-b] [-h] [-w]  memory in use, free, cached and available (procps); lab: free PID ADDR calls free(3)";
    public bool LabOnly => false;

    private readonly Malloc.MallocFreeCommand _mallocFree = new();

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        // The lab's glibc helper shares the name: `free PID ADDR` (two operands) is free(3) in that process.
        if (context.Mode == ShellMode.Lab && argv.Count == 3 && !argv[1].StartsWith('-'))
            return _mallocFree.Run(context, argv);
        int exponent = 0;
        bool human = false, wide = false;
        foreach (string a in argv.Skip(1))
        {
            if (!a.StartsWith('-') || a == "-") return Usage($"free: extra operand '{a}'");
            foreach (char c in a.StartsWith("--", StringComparison.Ordinal) ? LongOption(a) : a[1..])
            {
                switch (c)
                {
                    case 'b': exponent = 1; break;
                    case 'k': exponent = 2; break;
                    case 'm': exponent = 3; break;
                    case 'g': exponent = 4; break;
                    case 'h': human = true; break;
                    case 'w': wide = true; break;
                    default: return Usage(a.StartsWith("--", StringComparison.Ordinal) ? $"free: unrecognized option '{a}'" : $"free: invalid option -- '{c}'");
                }
            }
        }
        return ShellResult.Ok(Render(Meminfo.Compute(context.Machine), exponent, human, wide));
    }

    private static string LongOption(string a) => a switch
    {
        "--bytes" => "b", "--kibi" => "k", "--mebi" => "m", "--gibi" => "g", "--human" => "h", "--wide" => "w", _ => "?",
    };

    private static ShellResult Usage(string first) =>
        ShellResult.Fail(first + "\n\nUsage:\n free [options]\n\nOptions:\n -b, --bytes         show output in bytes\n -k, --kibi          show output in kibibytes\n -m, --mebi          show output in mebibytes\n -g, --gibi          show output in gibibytes\n -h, --human         show human-readable output\n -w, --wide          wide output\n\nFor more details see free(1).\n");

    public static string Render(Meminfo.Values v, int exponent, bool human, bool wide)
    {
        long total = v["MemTotal"], free = v["MemFree"], buffers = v["Buffers"];
        long cachedAll = v["Cached"] + v["SReclaimable"];
        long used = total - free - cachedAll - buffers;
        if (used < 0) used = total - free;
        string S(long kb) => ScaleSize(kb, exponent, human);
        var sb = new System.Text.StringBuilder();
        sb.Append(wide
            ? "               total        used        free      shared     buffers       cache   available\n"
            : "               total        used        free      shared  buff/cache   available\n");
        sb.Append($"{"Mem:",-9}{S(total),11} {S(used),11} {S(free),11} {S(v["Shmem"]),11}");
        sb.Append(wide ? $" {S(buffers),11} {S(cachedAll),11}" : $" {S(buffers + cachedAll),11}");
        sb.Append($" {S(v["MemAvailable"]),11}\n");
        long swapTotal = v["SwapTotal"], swapFree = v["SwapFree"];
        sb.Append($"{"Swap:",-9}{S(swapTotal),11} {S(swapTotal - swapFree),11} {S(swapFree),11}\n");
        return sb.ToString();
    }

    /// <summary>scale_size (procps free.c) with base 1024.</summary>
    public static string ScaleSize(long kb, int exponent, bool human)
    {
        long bytes = kb * 1024;
        if (!human)
            return exponent switch
            {
                0 => (bytes / 1024).ToString(),
                1 => bytes.ToString(),
                _ => (bytes / (1L << (10 * (exponent - 1)))).ToString(),
            };
        if (bytes.ToString().Length + 1 <= 4) return bytes + "B";
        const string units = "KMGTP";
        for (int i = 1; i <= units.Length; i++)
        {
            long power = 1L << (10 * i);
            string oneDecimal = OneDecimal(bytes, power) + units[i - 1] + "i";
            if (oneDecimal.Length <= 5) return oneDecimal;
            string whole = bytes / power + units[i - 1].ToString() + "i";
            if (whole.Length <= 5) return whole;
        }
        return bytes / (1L << 50) + "Pi";
    }

    /// <summary>printf("%.1f", n / d) for non-negative integers, rounding half to even like glibc on exact halves.</summary>
    public static string OneDecimal(long n, long d)
    {
        long tenths = n * 10 / d, rem = n * 10 % d;
        if (2 * rem > d || (2 * rem == d && (tenths & 1) == 1)) tenths++;
        return $"{tenths / 10}.{tenths % 10}";
    }
}
