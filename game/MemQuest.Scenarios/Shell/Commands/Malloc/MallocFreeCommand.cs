// free PID ADDR: the process calls glibc free(ADDR) (kernel-spec §10): an mmapped chunk is unmapped
// (and may raise the mmap threshold), a heap chunk goes to the tcache/bins or the top chunk, which
// may be trimmed back with brk. (procps `free` is a different tool: it takes no PID.)
using System.Globalization;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Sysctl;
using MemQuest.Scenarios.Shell.Commands.Tasks;

namespace MemQuest.Scenarios.Shell.Commands.Malloc;

public sealed class MallocFreeCommand : IShellCommand
{
    public string Name => "free";
    public string Synopsis => "free PID ADDR                the process calls free(ADDR) on a pointer malloc gave it";
    public bool LabOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count != 3 || !TryParseAddress(argv[2], out long addr))
            return ShellResult.Usage("free: usage: free PID ADDR (ADDR as malloc printed it, e.g. 0x55d4c9f3b6b0); without a PID, free is procps free");
        Process? p = TaskArgs.Resolve(context.Machine, argv[1]);
        if (p?.Mm is null || p.Malloc is null) return ShellResult.Fail($"free: no C program with pid '{argv[1]}' (see ps aux)\n");
        var r = p.Malloc.Free(context.Machine.Mm, p, addr);
        if (r.Error != Errno.Ok)
        {
            context.Machine.Mm.Exit(p);
            return ShellResult.Fail($"free(): invalid pointer\nbash: line 1: {p.Pid} Aborted                 {p.Cmdline}\n", 134);
        }
        string what = r.FromMmap
            ? $"munmap of its {r.MappingBytes}-byte mapping; mmap_threshold now {p.Malloc.MmapThreshold}, trim_threshold {p.Malloc.TrimThreshold}"
            : r.TrimmedBytes > 0 ? $"heap chunk of {r.ChunkBytes} bytes; top chunk trimmed by {r.TrimmedBytes} bytes with brk"
            : $"heap chunk of {r.ChunkBytes} bytes kept by malloc for reuse (RSS unchanged)";
        return ShellResult.Ok($"free({TaskArgs.Hex(addr)})   {what}\n");
    }

    private static bool TryParseAddress(string s, out long addr)
    {
        addr = 0;
        return s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out addr)
            : long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out addr);
    }
}
