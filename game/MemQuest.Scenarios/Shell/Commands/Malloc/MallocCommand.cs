// malloc PID SIZE: the process calls glibc malloc(SIZE) (kernel-spec §10); prints the pointer and
// glibc's choice: the brk heap (and whether it grew) or a chunk of its own mmap.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Malloc;
using MemQuest.Engine.Sysctl;
using MemQuest.Scenarios.Shell.Commands.Tasks;

namespace MemQuest.Scenarios.Shell.Commands.Malloc;

public sealed class MallocCommand : IShellCommand
{
    public string Name => "malloc";
    public string Synopsis => "malloc PID SIZE              the process calls malloc(SIZE): heap or mmap?";
    public bool LabOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count != 3 || !TaskArgs.TryParseSize(argv[2], out long size))
            return ShellResult.Usage("malloc: usage: malloc PID SIZE (e.g. malloc 1234 200k)");
        Process? p = TaskArgs.Resolve(context.Machine, argv[1]);
        if (p?.Mm is null || p.Malloc is null) return ShellResult.Fail($"malloc: no C program with pid '{argv[1]}' (see ps aux)\n");
        MallocResult r = p.Malloc.Malloc(context.Machine.Mm, p, size);
        if (r.Error != Errno.Ok) return ShellResult.Fail($"malloc({size}) = NULL (Cannot allocate memory)\n");
        return ShellResult.Ok($"malloc({size}) = {TaskArgs.Hex(r.Address)}   {Describe(r, p.Malloc)}\n");
    }

    public static string Describe(MallocResult r, GlibcMalloc m)
    {
        if (r.FromMmap)
            return $"mmap: its own mapping {TaskArgs.Hex(r.MappingStart)}-{TaskArgs.Hex(r.MappingStart + r.MappingBytes)} ({r.MappingBytes} bytes); mmap_threshold {m.MmapThreshold}";
        string grew = r.HeapGrew ? "heap grew by brk; " : "";
        return $"heap: chunk of {r.ChunkBytes} bytes; {grew}heap {TaskArgs.Hex(r.HeapStart)}-{TaskArgs.Hex(r.HeapEnd)} ({r.HeapEnd - r.HeapStart} bytes), top chunk {r.TopChunkBytes} bytes";
    }
}
