// dd if=/dev/zero|FILE of=PATH|/dev/null bs=SIZE count=N [conv=fsync|notrunc] (GNU coreutils):
// copies through the page cache (writes dirty pages, reads fill the cache) and reports on stderr as
// dd does. The elapsed time is the box's model: memory copies at 2 GB/s, disk at 100 MiB/s (reads
// that missed the cache, and conv=fsync's writeback).
using MemQuest.Engine;
using MemQuest.Engine.Filemap;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Commands.Files;

public sealed class DdCommand : IShellCommand
{
    private const long MemoryBytesPerSecond = 2_000_000_000;
    private const long DiskBytesPerSecond = 100L << 20;

    public string Name => "dd";
    public string Synopsis => "dd if=/dev/zero of=PATH bs=SIZE count=N [conv=fsync]  write (or read) a file through the page cache";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        var ops = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string a in argv.Skip(1))
        {
            int eq = a.IndexOf('=');
            if (eq <= 0) return ShellResult.Fail($"dd: unrecognized operand '{a}'\nTry 'dd --help' for more information.\n");
            ops[a[..eq]] = a[(eq + 1)..];
        }
        foreach (string k in ops.Keys)
            if (k is not ("if" or "of" or "bs" or "count" or "conv" or "status"))
                return ShellResult.Fail($"dd: unrecognized operand '{k}={ops[k]}'\nTry 'dd --help' for more information.\n");
        long bs = 512, count = -1;
        if (ops.TryGetValue("bs", out string? bsText) && (!TryParseSize(bsText, out bs) || bs < 1 || bs > (1L << 30)))
            return ShellResult.Fail($"dd: invalid number: '{bsText}'\n");
        if (ops.TryGetValue("count", out string? countText) && (!TryParseSize(countText, out count) || count < 0))
            return ShellResult.Fail($"dd: invalid number: '{countText}'\n");
        string conv = ops.GetValueOrDefault("conv", "");
        string input = ops.GetValueOrDefault("if", "/dev/stdin"), output = ops.GetValueOrDefault("of", "/dev/stdout");
        if (input == "/dev/stdin") return ShellResult.Usage("dd: reading standard input is not supported here; give if=/dev/zero or if=FILE");
        if (output == "/dev/stdout") return ShellResult.Usage("dd: writing to the terminal is not supported here; give of=PATH or of=/dev/null");
        if (input == "/dev/zero" && count < 0) return ShellResult.Usage("dd: if=/dev/zero never ends; give count=N");
        return Copy(context.Machine, input, output, bs, count, conv.Split(',').Contains("fsync"), conv.Split(',').Contains("notrunc"), ops.GetValueOrDefault("status", ""));
    }

    private static ShellResult Copy(Machine m, string input, string output, long bs, long count, bool fsync, bool notrunc, string status)
    {
        Inode? src = null;
        if (input != "/dev/zero")
        {
            src = m.Fs.Lookup(input, out Errno e);
            if (src is null) return ShellResult.Fail($"dd: failed to open '{input}': {ErrnoText.Of(e)}\n");
            if (src.IsDirectory) return ShellResult.Fail($"dd: error reading '{input}': Is a directory\n");
            long blocks = (src.SizeBytes + bs - 1) / bs;
            count = count < 0 ? blocks : Math.Min(count, blocks);
        }
        Inode? dst = null;
        if (output != "/dev/null")
        {
            dst = m.Fs.Lookup(output, out Errno e) ?? (e == Errno.ENOENT ? m.Fs.Create(output, out e) : null);
            if (dst is null) return ShellResult.Fail($"dd: failed to open '{output}': {ErrnoText.Of(e)}\n");
            if (dst.IsDirectory) return ShellResult.Fail($"dd: failed to open '{output}': Is a directory\n");
            if (!notrunc && m.FileIo.Truncate(dst) is not Errno.Ok and var te)
                return ShellResult.Fail($"dd: failed to open '{output}': {(te == Errno.EBUSY ? "Text file busy" : ErrnoText.Of(te))}\n");
        }
        long total = 0, diskBytes = 0;
        for (long i = 0; i < count; i++)
        {
            long chunk = src is null ? bs : Math.Min(bs, src.SizeBytes - i * bs);
            if (src is not null)
            {
                IoResult r = m.FileIo.Read(src, i * bs, chunk);
                diskBytes += Units.PagesToBytes(r.DiskReadPages);
                if (r.Error != Errno.Ok) return Report(Records(total, bs), Records(total, bs), total, diskBytes, $"dd: error reading '{input}': {ErrnoText.Of(r.Error)}\n", status);
            }
            if (dst is not null)
            {
                IoResult w = m.FileIo.Write(dst, i * bs, chunk);
                if (w.Error != Errno.Ok) return Report(Records(total + chunk, bs), Records(total, bs), total, diskBytes, $"dd: error writing '{output}': {ErrnoText.Of(w.Error)}\n", status);
            }
            total += chunk;
        }
        if (fsync && dst is not null) diskBytes += Units.PagesToBytes(m.Fs.Writeback.Fsync(dst));
        return Report(Records(total, bs), Records(total, bs), total, diskBytes, null, status);
    }

    /// <summary>dd's "FULL+PARTIAL" record count for <paramref name="bytes"/> copied in blocks of <paramref name="bs"/>.</summary>
    private static string Records(long bytes, long bs) => $"{bytes / bs}+{(bytes % bs != 0 ? 1 : 0)}";

    private static ShellResult Report(string recordsIn, string recordsOut, long bytes, long diskBytes, string? error, string status)
    {
        var sb = new System.Text.StringBuilder(error ?? "");
        if (status != "none")
        {
            sb.Append($"{recordsIn} records in\n{recordsOut} records out\n");
            double seconds = (double)bytes / MemoryBytesPerSecond + (double)diskBytes / DiskBytesPerSecond;
            sb.Append(CopiedLine(bytes, seconds));
        }
        return error is null ? new ShellResult("", sb.ToString(), ShellStatus.Ok, 0) : ShellResult.Fail(sb.ToString());
    }

    /// <summary>dd's final line: "N bytes (SI, IEC) copied, T s, RATE/s" (print_xfer_stats).</summary>
    public static string CopiedLine(long bytes, double seconds)
    {
        string si = HumanSize.Format(bytes, 1000), iec = HumanSize.Format(bytes, 1024);
        string t = seconds.ToString("G6", System.Globalization.CultureInfo.InvariantCulture).Replace('E', 'e');   // C %g
        string rate = seconds > 0 ? HumanSize.Format((long)(bytes / seconds), 1000) + "/s" : "Infinity B/s";
        string amount = bytes < 1000 ? $"{bytes} {(bytes == 1 ? "byte" : "bytes")}" : $"{bytes} bytes ({si}, {iec})";
        return $"{amount} copied, {t} s, {rate}\n";
    }

    /// <summary>dd's size operands: a number with c, w, b, K/k/KiB, kB/KB, M/MiB, MB, G/GiB, GB suffixes.</summary>
    public static bool TryParseSize(string text, out long value)
    {
        value = 0;
        int i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i == 0 || !long.TryParse(text[..i], out long n)) return false;
        long mult = text[i..] switch
        {
            "" => 1, "c" => 1, "w" => 2, "b" => 512,
            "K" or "k" or "KiB" => 1L << 10, "kB" or "KB" => 1000,
            "M" or "MiB" => 1L << 20, "MB" => 1_000_000,
            "G" or "GiB" => 1L << 30, "GB" => 1_000_000_000,
            _ => 0,
        };
        if (mult == 0 || n > long.MaxValue / mult) return false;
        value = n * mult;
        return true;
    }
}
