// IKernelMechanisms over the engine's Machine. Wired: tasks (exec of a minimal C program and exit,
// through VirtualMemory), anonymous mmap and page faults (FaultHandler), glibc malloc/free (the
// process's GlibcMalloc; the object is then written, so its pages fault in), fork with the
// overcommit check, kmalloc above KMALLOC_MAX_CACHE_SIZE (kmalloc_large: __alloc_pages with
// __GFP_COMP at get_order(size); above KMALLOC_MAX_SIZE it fails as the kernel's WARN path does)
// and vmalloc (one order-0 page per PAGE_SIZE, all given back if one fails, as __vmalloc_area_node does).
// Pending, by branch: file reads and page-cache stats (pagecache), small kmalloc and dentries
// (slab), OOM kills (oom). Those members throw MechanismPendingException and Provided leaves them
// out, so no session can reach them.
using MemQuest.Engine;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Mm.Fault;
using MemQuest.Engine.Mm.Malloc;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Scenarios.Workloads.Kernel;

public sealed class EngineKernel(Machine machine) : IKernelMechanisms
{
    /// <summary>KMALLOC_SHIFT_HIGH = PAGE_SHIFT + 1: kmalloc-8k is the largest slab cache.</summary>
    public const long KmallocMaxCacheSizeBytes = Units.PageSize * 2;

    /// <summary>KMALLOC_MAX_SIZE = 1 &lt;&lt; (MAX_PAGE_ORDER + PAGE_SHIFT): 4 MiB.</summary>
    public const long KmallocMaxSizeBytes = 1L << (Units.MaxPageOrder + Units.PageShift);

    private readonly SortedDictionary<long, int> _kmallocLarge = new();
    private readonly SortedDictionary<long, List<long>> _vmallocAreas = new();
    private long _nextVmallocHandle = 1;

    /// <summary>The mechanisms this build wires; widen it as the engine branches land.</summary>
    public const Mechanism Provided = Mechanism.Spawn | Mechanism.AnonFaults | Mechanism.Malloc | Mechanism.Fork
        | Mechanism.KmallocLarge | Mechanism.Vmalloc;

    public Mechanism Available => Provided;

    /// <summary>fork + execve of the service binary (MinimalProgram); -1 when the kernel refuses.</summary>
    public int Spawn(string comm, int parentPid, short oomScoreAdj, IReadOnlyDictionary<string, string> environment)
    {
        Process? p = MinimalProgram.Spawn(machine.Mm, comm, parentPid, machine.Tick, stdioHeap: true, out _);
        if (p is null) return -1;
        p.OomScoreAdj = oomScoreAdj;
        return p.Pid;
    }

    /// <summary>do_exit: the task ends and exit_mmap frees its memory.</summary>
    public void Exit(int pid)
    {
        if (machine.Processes.Find(pid) is { } p) machine.Mm.Exit(p);
    }

    public bool Alive(int pid) => machine.Processes.Find(pid) is { Exiting: false };

    /// <summary>kmalloc (include/linux/slab.h) for sizes the buddy allocator serves: kmalloc_large.</summary>
    public long Kmalloc(long bytes)
    {
        if (bytes <= KmallocMaxCacheSizeBytes) throw new MechanismPendingException(Mechanism.KmallocSmall, "slab");
        int order = Units.GetOrder(bytes);
        long pfn = machine.PageAlloc.AllocPages(order, GfpFlags.GfpKernel | GfpFlags.Comp);
        if (pfn < 0) return -1;
        _kmallocLarge.Add(pfn, order);
        return pfn;
    }

    public void Kfree(long handle)
    {
        if (!_kmallocLarge.Remove(handle, out int order)) throw new InvalidOperationException($"kfree of unknown object {handle}");
        machine.PageAlloc.FreePages(handle, order);
    }

    /// <summary>__vmalloc_node_range → __vmalloc_area_node: PAGE_ALIGN(size) / PAGE_SIZE order-0 pages.</summary>
    public long Vmalloc(long bytes)
    {
        long nrPages = Units.BytesToPages(Units.PageAlign(bytes));
        var pages = new List<long>((int)Math.Min(nrPages, 1 << 20));
        for (long i = 0; i < nrPages; i++)
        {
            long pfn = machine.PageAlloc.AllocPages(0, GfpFlags.GfpKernel | GfpFlags.Highmem);
            if (pfn < 0)
            {
                foreach (long p in pages) machine.PageAlloc.FreePages(p, 0);
                return -1;
            }
            pages.Add(pfn);
        }
        long handle = _nextVmallocHandle++;
        _vmallocAreas.Add(handle, pages);
        return handle;
    }

    public void Vfree(long handle)
    {
        if (!_vmallocAreas.Remove(handle, out List<long>? pages)) throw new InvalidOperationException($"vfree of unknown area {handle}");
        foreach (long p in pages) machine.PageAlloc.FreePages(p, 0);
    }

    public long MeminfoKb(string field) =>
        Engine.Procfs.Meminfo.Compute(machine).Lines.FirstOrDefault(l => l.Key == field).Value;

    /// <summary>No task can fault yet (no mm), so every counter is zero in this build.</summary>
    public ProcessCounters Counters(int pid) => default;

    /// <summary>No OOM killer in this build, so it has killed nobody.</summary>
    public IReadOnlyList<OomKill> OomKillsSince(long tick) => [];

    public long Mmap(int pid, long bytes) =>
        machine.Processes.Find(pid) is { } p ? machine.Mm.MmapAnon(p, bytes, writable: true, noReserve: false) : -1;

    /// <summary>Write one byte per page: handle_mm_fault for each page not yet present.</summary>
    public long TouchPages(int pid, long address, long pages)
    {
        if (machine.Processes.Find(pid) is not { } p) return 0;
        for (long i = 0; i < pages; i++)
        {
            FaultResult r = machine.Mm.Faults.Handle(p, address + i * Units.PageSize, write: true);
            if (r is FaultResult.Oom or FaultResult.SegvAccErr or FaultResult.SegvMapErr) return i;
        }
        return pages;
    }

    public void Munmap(int pid, long address, long bytes)
    {
        if (machine.Processes.Find(pid) is { } p) machine.Mm.Munmap(p, address, bytes);
    }

    public long Malloc(int pid, long bytes)
    {
        if (machine.Processes.Find(pid) is not { Malloc: { } heap } p) return 0;
        MallocResult r = heap.Malloc(machine.Mm, p, bytes);
        if (r.Error != Errno.Ok) return 0;
        long first = Units.AlignDown(r.Address, Units.PageSize);
        long pages = Units.BytesToPages(Units.PageAlign(r.Address + bytes) - first);
        return TouchPages(pid, first, pages) == pages ? r.Address : 0;
    }

    public void Free(int pid, long pointer)
    {
        if (machine.Processes.Find(pid) is { Malloc: { } heap } p) heap.Free(machine.Mm, p, pointer);
    }

    /// <summary>fork(2): dup_mmap with the overcommit charge; the child's pid or -errno.</summary>
    public int Fork(int pid)
    {
        if (machine.Processes.Find(pid) is not { } parent) return -(int)Errno.ESRCH;
        Process? child = machine.Mm.Fork(parent, out Errno e);
        return child?.Pid ?? -(int)e;
    }

    public FileReadResult ReadFile(int pid, string path, long offsetBytes, long bytes) => throw new MechanismPendingException(Mechanism.FileRead, "pagecache");

    public void CreateFile(int pid, string path, long bytes) => throw new MechanismPendingException(Mechanism.FileCreate, "pagecache");
}
