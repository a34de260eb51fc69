// swapon --show | swapon -a | swapon DEVICE|FILE (util-linux): list the active swap areas in
// libsmartcols' layout (NAME TYPE SIZE USED PRIO; sizes as size_to_human_string), or turn on the
// areas /etc/fstab lists, or a file mkswap prepared. Turning one on logs "Adding Nk swap on DEVICE." like the kernel.
using MemQuest.Engine;

namespace MemQuest.Scenarios.Shell.Commands.Memory;

public sealed class SwaponCommand : IShellCommand
{
    public string Name => "swapon";
    public string Synopsis => "swapon --show | -a | DEVICE  list or enable swap areas (util-linux)";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        Machine m = context.Machine;
        if (argv.Count == 2 && argv[1] == "--show") return ShellResult.Ok(Show(m));
        if (argv.Count == 2 && argv[1] is "-s" or "--summary") return ShellResult.Ok(MemQuest.Scenarios.Shell.Files.PageCacheFiles.SwapsText(m));
        if (argv.Count == 2 && argv[1] == "-a")
        {
            foreach (var (path, pages, part) in m.Swap.Fstab)
                if (!m.Swap.IsActive(path)) m.Kmsg.Printk(m.Swap.Swapon(path, pages, part));
            return ShellResult.Ok("");
        }
        if (argv.Count == 2 && !argv[1].StartsWith('-'))
        {
            string dev = argv[1];
            var entry = m.Swap.Fstab.FirstOrDefault(f => f.Path == dev);
            bool isFile = entry.Path is null;
            if (isFile && m.Fs.Lookup(dev, out _) is null) return ShellResult.Fail($"swapon: cannot open {dev}: No such file or directory\n");
            long pages = entry.SizePages;
            if (isFile && !m.Swap.Signatures.TryGetValue(dev, out pages))
                return ShellResult.Fail($"swapon: {dev}: read swap header failed\n");
            if (m.Swap.IsActive(dev)) return ShellResult.Fail($"swapon: {dev}: swapon failed: Device or resource busy\n");
            m.Kmsg.Printk(m.Swap.Swapon(dev, pages, !isFile));
            return ShellResult.Ok("");
        }
        return ShellResult.Fail("Usage:\n swapon [options] [<spec>]\n\nThis console supports: swapon --show, swapon -a, swapon DEVICE\n");
    }

    /// <summary>swapon --show: columns separated by one space, NAME/TYPE left-aligned, the rest right-aligned.</summary>
    public static string Show(Machine m)
    {
        var rows = m.Swap.Areas.Select(a => new[]
        {
            a.Path, a.Type, SizeToHuman(Units.PagesToBytes(a.UsablePages)), SizeToHuman(Units.PagesToBytes(a.InusePages)), a.Priority.ToString(),
        }).ToList();
        if (rows.Count == 0) return "";
        string[] header = ["NAME", "TYPE", "SIZE", "USED", "PRIO"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var sb = new System.Text.StringBuilder();
        foreach (string[] r in rows.Prepend(header))
        {
            for (int i = 0; i < r.Length; i++)
            {
                if (i > 0) sb.Append(' ');
                if (i < 2) sb.Append(i == r.Length - 1 ? r[i] : r[i].PadRight(widths[i]));
                else sb.Append(r[i].PadLeft(widths[i]));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>size_to_human_string (util-linux lib/strutils.c) with one-letter suffixes and one decimal.</summary>
    public static string SizeToHuman(long bytes)
    {
        int exp = 0;
        for (int shft = 10; shft <= 60; shft += 10)
        {
            if (bytes < (1L << shft)) break;
            exp = shft;
        }
        char letter = "BKMGTPE"[exp / 10];
        long dec = exp != 0 ? bytes >> exp : bytes;
        long frac = exp != 0 ? bytes & ((1L << exp) - 1) : 0;
        if (frac != 0)
        {
            frac = frac * 1000 / (1L << exp);
            frac = (frac + 50) / 100;
            if (frac == 10) { dec++; frac = 0; }
        }
        return frac != 0 ? $"{dec}.{frac}{letter}" : $"{dec}{letter}";
    }
}
