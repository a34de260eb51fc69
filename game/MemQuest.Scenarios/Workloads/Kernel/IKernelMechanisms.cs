// The kernel mechanisms workloads and services drive, named as a process would use them
// (fork, mmap and touch, malloc, read, kmalloc, vmalloc). Workloads never set engine counters:
// everything they do goes through here. EngineKernel implements it over Machine.
namespace MemQuest.Scenarios.Workloads.Kernel;

public interface IKernelMechanisms
{
    /// <summary>The mechanisms this engine build provides.</summary>
    Mechanism Available { get; }

    /// <summary>Start a task with an empty mm (fork+exec of a service binary); returns its pid.</summary>
    int Spawn(string comm, int parentPid, short oomScoreAdj, IReadOnlyDictionary<string, string> environment);

    /// <summary>The task exits (or is killed): its memory goes back to the kernel.</summary>
    void Exit(int pid);

    bool Alive(int pid);

    /// <summary>mmap(MAP_ANONYMOUS|MAP_PRIVATE) of <paramref name="bytes"/>; the address, or -1 with ENOMEM.</summary>
    long Mmap(int pid, long bytes);

    /// <summary>Write to pages of a mapping (page faults); returns the pages faulted in.</summary>
    long TouchPages(int pid, long address, long pages);

    void Munmap(int pid, long address, long bytes);

    /// <summary>glibc malloc (arenas per MALLOC_ARENA_MAX) and a write of the object, so its pages are
    /// faulted in; a pointer, or 0 when it fails.</summary>
    long Malloc(int pid, long bytes);

    void Free(int pid, long pointer);

    /// <summary>read(2) of a byte range; how many pages were already cached and how many were read from disk.</summary>
    FileReadResult ReadFile(int pid, string path, long offsetBytes, long bytes);

    /// <summary>Create (or stat) a file: dentry and inode objects, and its pages if written.</summary>
    void CreateFile(int pid, string path, long bytes);

    /// <summary>fork(2): the child's pid, or a negative errno (-12 ENOMEM from the overcommit check).</summary>
    int Fork(int pid);

    /// <summary>kmalloc(GFP_KERNEL): a handle, or -1 when the allocation fails.</summary>
    long Kmalloc(long bytes);

    void Kfree(long handle);

    /// <summary>vmalloc: a handle, or -1 when the area or its pages cannot be allocated.</summary>
    long Vmalloc(long bytes);

    void Vfree(long handle);

    /// <summary>A /proc/meminfo line in kB, as a program that reads the file sees it.</summary>
    long MeminfoKb(string field);

    /// <summary>What the kernel counted for a task (faults, swap-ins, stalls) since it started.</summary>
    ProcessCounters Counters(int pid);

    /// <summary>Tasks the OOM killer killed at or after a tick, oldest first.</summary>
    IReadOnlyList<OomKill> OomKillsSince(long tick);

    /// <summary>The task is asleep in the kernel (memory.high throttling) and cannot run this tick.</summary>
    bool Throttled(int pid) => false;
}
