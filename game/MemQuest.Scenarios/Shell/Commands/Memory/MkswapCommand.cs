// mkswap FILE (util-linux): write a swap header into a file made with dd, so `swapon FILE` can use
// it; the header page is not usable, so the area holds size/4096 - 1 pages. The UUID is derived
// from the path and inode (deterministic, no randomness consumed).
using System.Security.Cryptography;
using System.Text;
using MemQuest.Engine;
using MemQuest.Engine.Filemap;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Commands.Memory;

public sealed class MkswapCommand : IShellCommand
{
    /// <summary>mkswap refuses areas under 10 pages.</summary>
    public const long MinPages = 10;

    public string Name => "mkswap";
    public string Synopsis => "mkswap FILE                  set up a swap area in a file (then: swapon FILE)";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count != 2 || argv[1].StartsWith('-')) return ShellResult.Fail("Usage:\n mkswap [options] device [size]\n\nThis console supports: mkswap FILE\n");
        Machine m = context.Machine;
        string path = argv[1];
        Inode? f = m.Fs.Lookup(path, out Errno e);
        if (f is null) return ShellResult.Fail($"mkswap: cannot open {path}: {ErrnoText.Of(e)}\n");
        if (m.Swap.IsActive(path)) return ShellResult.Fail($"mkswap: error: {path} is mounted; will not make swapspace\n");
        long pages = f.SizeBytes / Units.PageSize;
        if (pages < MinPages) return ShellResult.Fail($"mkswap: error: swap area needs to be at least {MinPages * 4} KiB\n");
        m.Swap.Signatures[path] = pages;
        long usableBytes = (pages - 1) * Units.PageSize;
        string size = Files.HumanSize.Format(usableBytes, 1024);
        return ShellResult.Ok($"Setting up swapspace version 1, size = {size} ({usableBytes} bytes)\nno label, UUID={Uuid(path, f.Ino)}\n");
    }

    private static string Uuid(string path, int ino)
    {
        byte[] h = SHA256.HashData(Encoding.UTF8.GetBytes($"{path}:{ino}"));
        h[6] = (byte)((h[6] & 0x0f) | 0x40);
        h[8] = (byte)((h[8] & 0x3f) | 0x80);
        string x = Convert.ToHexString(h, 0, 16).ToLowerInvariant();
        return $"{x[..8]}-{x[8..12]}-{x[12..16]}-{x[16..20]}-{x[20..32]}";
    }
}
