// IKernelMechanisms over the engine's Machine. Wired today: tasks (ProcessTable: alloc_pid, the
// task list), kmalloc above KMALLOC_MAX_CACHE_SIZE (kmalloc_large: __alloc_pages with __GFP_COMP
// at get_order(size); sizes above KMALLOC_MAX_SIZE fail as the kernel's WARN path does) and
// vmalloc (one order-0 page per PAGE_SIZE, all given back if one fails, as __vmalloc_area_node does).
// Pending, by branch: mmap/page faults, malloc and fork (mm), file reads and page-cache stats
// (pagecache), small kmalloc and dentries (slab), OOM kills (oom). Those members throw
// MechanismPendingException and Available leaves them out, so no session can reach them.
using MemQuest.Engine;
using MemQuest.Engine.Mm;
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
    public const Mechanism Provided = Mechanism.Spawn | Mechanism.KmallocLarge | Mechanism.Vmalloc;

    public Mechanism Available => Provided;

    public int Spawn(string comm, int parentPid, short oomScoreAdj, IReadOnlyDictionary<string, string> environment)
    {
        int pid = machine.Processes.AllocPid();
        machine.Processes.Add(new Process(pid, comm, parentPid, new MmStruct()) { OomScoreAdj = oomScoreAdj });
        return pid;
    }

    public void Exit(int pid)
    {
        if (machine.Processes.Find(pid) is { } p) machine.Processes.Remove(p);
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

    /// <summary>No task can fault yet (no mm), so every counter is zero in this build.</summary>
    public ProcessCounters Counters(int pid) => default;

    /// <summary>No OOM killer in this build, so it has killed nobody.</summary>
    public IReadOnlyList<OomKill> OomKillsSince(long tick) => [];

    public long Mmap(int pid, long bytes) => throw new MechanismPendingException(Mechanism.AnonFaults, "mm");

    public long TouchPages(int pid, long address, long pages) => throw new MechanismPendingException(Mechanism.AnonFaults, "mm");

    public void Munmap(int pid, long address, long bytes) => throw new MechanismPendingException(Mechanism.AnonFaults, "mm");

    public long Malloc(int pid, long bytes) => throw new MechanismPendingException(Mechanism.Malloc, "mm");

    public void Free(int pid, long pointer) => throw new MechanismPendingException(Mechanism.Malloc, "mm");

    public int Fork(int pid) => throw new MechanismPendingException(Mechanism.Fork, "mm");

    public FileReadResult ReadFile(int pid, string path, long offsetBytes, long bytes) => throw new MechanismPendingException(Mechanism.FileRead, "pagecache");

    public void CreateFile(int pid, string path, long bytes) => throw new MechanismPendingException(Mechanism.FileCreate, "pagecache");
}
