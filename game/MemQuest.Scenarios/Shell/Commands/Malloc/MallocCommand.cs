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
    public string Synopsis => "malloc PID SIZE [--thread N]  the process (thread N) calls malloc(SIZE): heap, arena or mmap?";
    public bool LabOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        int thread = 0;
        if (argv.Count == 5 && (argv[3] != "--thread" || !int.TryParse(argv[4], out thread) || thread is < 0 or > 4096))
            return ShellResult.Usage("malloc: --thread takes a thread number 0..4096 (0 is the main thread)");
        if ((argv.Count != 3 && argv.Count != 5) || !TaskArgs.TryParseSize(argv[2], out long size))
            return ShellResult.Usage("malloc: usage: malloc PID SIZE [--thread N] (e.g. malloc 1234 200k)");
        Process? p = TaskArgs.Resolve(context.Machine, argv[1]);
        if (p?.Mm is null || p.Malloc is null) return ShellResult.Fail($"malloc: no C program with pid '{argv[1]}' (see ps aux)\n");
        MallocResult r = p.Malloc.Malloc(context.Machine.Mm, p, size, thread);
        if (r.Error != Errno.Ok) return ShellResult.Fail($"malloc({size}) = NULL (Cannot allocate memory)\n");
        return ShellResult.Ok($"malloc({size}) = {TaskArgs.Hex(r.Address)}   {Describe(r, p.Malloc)}\n");
    }

    public static string Describe(MallocResult r, GlibcMalloc m)
    {
        if (r.FromMmap)
            return $"mmap: its own mapping {TaskArgs.Hex(r.MappingStart)}-{TaskArgs.Hex(r.MappingStart + r.MappingBytes)} ({r.MappingBytes} bytes); mmap_threshold {m.MmapThreshold}";
        string grew = r.HeapGrew ? "heap grew by brk; " : "";
        int arena = m.Arenas.ToList().FindIndex(a => a.HeapStart == r.HeapStart);
        if (arena > 0)
            return $"thread arena {arena}: chunk of {r.ChunkBytes} bytes; heap {TaskArgs.Hex(r.HeapStart)} (64 MiB reserved, {r.HeapEnd - r.HeapStart} bytes read-write), top chunk {r.TopChunkBytes} bytes";
        return $"heap: chunk of {r.ChunkBytes} bytes; {grew}heap {TaskArgs.Hex(r.HeapStart)}-{TaskArgs.Hex(r.HeapEnd)} ({r.HeapEnd - r.HeapStart} bytes), top chunk {r.TopChunkBytes} bytes";
    }
}
