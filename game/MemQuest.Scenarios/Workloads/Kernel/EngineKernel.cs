// IKernelMechanisms over the engine's Machine: tasks (exec of a minimal C program and exit, through
// VirtualMemory), anonymous mmap and page faults (FaultHandler), glibc malloc/free (the process's
// GlibcMalloc; the object is then written, so its pages fault in), fork with the overcommit check,
// kmalloc of every size (the SLUB kmalloc-N caches, kmalloc_large above 8 KiB), vmalloc (one order-0
// page per PAGE_SIZE, all given back if one fails, as __vmalloc_area_node does), read(2) and file
// creation through the page cache and the dcache (Machine.Fs / FileIo), the OOM killer's kills
// (Machine.Oom) and per-task fault, swap-in and stall counters charged from Machine.VmEvents.
using MemQuest.Engine;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Mm.Fault;
using MemQuest.Engine.Mm.Malloc;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Filemap;

namespace MemQuest.Scenarios.Workloads.Kernel;

public sealed class EngineKernel(Machine machine) : IKernelMechanisms
{
    /// <summary>KMALLOC_SHIFT_HIGH = PAGE_SHIFT + 1: kmalloc-8k is the largest slab cache.</summary>
    public const long KmallocMaxCacheSizeBytes = Units.PageSize * 2;

    /// <summary>KMALLOC_MAX_SIZE = 1 &lt;&lt; (MAX_PAGE_ORDER + PAGE_SHIFT): 4 MiB.</summary>
    public const long KmallocMaxSizeBytes = 1L << (Units.MaxPageOrder + Units.PageShift);

    private readonly SortedDictionary<long, long> _kmallocObjects = new();
    private long _nextKmallocHandle = 1;
    private readonly TaskEventAccounting _accounting = new(machine);
    private readonly OomKillReceipts _oomKills = new(machine);
    private readonly SortedDictionary<long, List<long>> _vmallocAreas = new();
    private long _nextVmallocHandle = 1;

    /// <summary>The mechanisms this build wires; widen it as the engine branches land.</summary>
    public const Mechanism Provided = Mechanism.Spawn | Mechanism.AnonFaults | Mechanism.Malloc | Mechanism.Fork
        | Mechanism.KmallocLarge | Mechanism.Vmalloc | Mechanism.FileRead | Mechanism.FileCreate
        | Mechanism.KmallocSmall | Mechanism.OomKiller;

    public Mechanism Available => Provided;

    /// <summary>fork + execve of the service binary (MinimalProgram); -1 when the kernel refuses.</summary>
    public int Spawn(string comm, int parentPid, short oomScoreAdj, IReadOnlyDictionary<string, string> environment)
    {
        Process? p = MinimalProgram.Spawn(machine.Mm, comm, parentPid, machine.Tick, stdioHeap: true, out _);
        _oomKills.Collect();
        if (p is null) return -1;
        _accounting.Forget(p.Pid);
        p.OomScoreAdj = oomScoreAdj;
        return p.Pid;
    }

    /// <summary>do_exit: the task ends and exit_mmap frees its memory.</summary>
    public void Exit(int pid)
    {
        if (machine.Processes.Find(pid) is { } p) machine.Mm.Exit(p);
    }

    public bool Alive(int pid)
    {
        _oomKills.Collect();
        return machine.Processes.Find(pid) is { Exiting: false };
    }

    /// <summary>kmalloc(GFP_KERNEL) (include/linux/slab.h, mm/slub.c): a kmalloc-N slab object up to
    /// 8 KiB, kmalloc_large above (counted in SUnreclaim); above KMALLOC_MAX_SIZE it fails. The handle
    /// is ours; the object is the slab allocator's.</summary>
    public long Kmalloc(long bytes)
    {
        if (bytes > KmallocMaxSizeBytes)
        {
            // __kmalloc_large_node hands get_order(size) to the page allocator, which refuses an
            // order above MAX_PAGE_ORDER (the WARN in __alloc_pages); the slab allocator's own
            // check would hide that failure from the allocator's counters and receipts.
            long pfn = machine.PageAlloc.AllocPages(Units.GetOrder(bytes), GfpFlags.GfpKernel | GfpFlags.Comp);
            if (pfn >= 0) throw new InvalidOperationException($"the page allocator served order {Units.GetOrder(bytes)}");
            return -1;
        }
        long address = machine.Slab.Kmalloc(bytes, GfpFlags.GfpKernel);
        _oomKills.Collect();
        if (address == -1) return -1;
        long handle = _nextKmallocHandle++;
        _kmallocObjects.Add(handle, address);
        return handle;
    }

    public void Kfree(long handle)
    {
        if (!_kmallocObjects.Remove(handle, out long address)) throw new InvalidOperationException($"kfree of unknown object {handle}");
        machine.Slab.Kfree(address);
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
                _oomKills.Collect();
                foreach (long p in pages) machine.PageAlloc.FreePages(p, 0);
                return -1;
            }
            pages.Add(pfn);
        }
        _oomKills.Collect();
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

    /// <summary>task_struct min_flt (the engine's per-task count), and the major faults, swap-ins and
    /// direct-reclaim stalls (allocstall) the engine counted while serving this task's calls.</summary>
    public ProcessCounters Counters(int pid)
    {
        if (machine.Processes.Find(pid) is not { } p) return default;
        var (major, swapIns, stalls) = _accounting.Of(pid);
        return new ProcessCounters(p.MinFlt, major, swapIns, stalls);
    }

    /// <summary>mem_cgroup_handle_over_high put the task to sleep until a later simulated time.</summary>
    public bool Throttled(int pid) => machine.UptimeMs < machine.MemcgCharge.OverHigh.ThrottledUntilMs(pid);

    /// <summary>Tasks oom_kill_process sent SIGKILL, from the OOM killer's decisions.</summary>
    public IReadOnlyList<OomKill> OomKillsSince(long tick) => _oomKills.Since(tick);

    public long Mmap(int pid, long bytes) =>
        machine.Processes.Find(pid) is { } p ? Charged(pid, () => machine.Mm.MmapAnon(p, bytes, writable: true, noReserve: false)) : -1;

    /// <summary>Write one byte per page: handle_mm_fault for each page not yet present.</summary>
    public long TouchPages(int pid, long address, long pages)
    {
        if (machine.Processes.Find(pid) is not { } p) return 0;
        var before = _accounting.Begin();
        long touched;
        try { touched = Touch(p, address, pages); }
        finally { _accounting.End(pid, before); }
        _oomKills.Collect();
        return touched;
    }

    private long Touch(Process p, long address, long pages)
    {
        for (long i = 0; i < pages; i++)
        {
            if (p.Exiting) return i;
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
        // One bracket for the malloc and the write that follows: both are this task's, and collecting
        // the OOM kills between them changes no counter, so the charges are those of two brackets.
        var before = _accounting.Begin();
        long address = 0;
        try
        {
            MallocResult r = heap.Malloc(machine.Mm, p, bytes);
            if (r.Error == Errno.Ok && machine.Processes.Find(pid) is { } writer)
            {
                long first = Units.AlignDown(r.Address, Units.PageSize);
                long pages = Units.BytesToPages(Units.PageAlign(r.Address + bytes) - first);
                if (Touch(writer, first, pages) == pages) address = r.Address;
            }
        }
        finally { _accounting.End(pid, before); }
        _oomKills.Collect();
        return address;
    }

    public void Free(int pid, long pointer)
    {
        if (machine.Processes.Find(pid) is { Malloc: { } heap } p) heap.Free(machine.Mm, p, pointer);
    }

    /// <summary>fork(2): dup_mmap with the overcommit charge; the child's pid or -errno.</summary>
    public int Fork(int pid)
    {
        if (machine.Processes.Find(pid) is not { } parent) return -(int)Errno.ESRCH;
        Errno e = Errno.Ok;
        Process? child = Charged(pid, () => machine.Mm.Fork(parent, out e));
        if (child is not null) _accounting.Forget(child.Pid);
        return child?.Pid ?? -(int)e;
    }

    /// <summary>read(2) through the page cache (filemap_read): pages found cached, pages read from disk.
    /// A data file the task reads was on disk before boot (FileSystem.EnsureOnDisk).</summary>
    public FileReadResult ReadFile(int pid, string path, long offsetBytes, long bytes)
    {
        if (machine.Processes.Find(pid) is not { } p) return default;
        // Charged(AsCurrent(...)) written out: a workload reads on every tick, and the closures cost more than the read.
        var before = _accounting.Begin();
        Process? outer = machine.CurrentTask;
        machine.CurrentTask = p;
        IoResult? r;
        try { r = machine.Fs.EnsureOnDisk(path, offsetBytes + bytes, out _) is { } f ? machine.FileIo.Read(f, offsetBytes, bytes) : null; }
        finally
        {
            machine.CurrentTask = outer;
            _accounting.End(pid, before);
        }
        _oomKills.Collect();
        return r is null ? default : new FileReadResult(r.CachedPages, r.DiskReadPages);
    }

    /// <summary>open(O_CREAT|O_TRUNC) (mkdir -p of its directory first), then write(2) of
    /// <paramref name="bytes"/>: a dentry and an inode in the slab caches, dirty page-cache pages.</summary>
    public void CreateFile(int pid, string path, long bytes)
    {
        if (machine.Processes.Find(pid) is not { } p) return;
        // Charged as "current" (the task making the system call; the OOM report names it), written out
        // without closures: a directory scan creates thousands of files a tick.
        var before = _accounting.Begin();
        Process? outer = machine.CurrentTask;
        machine.CurrentTask = p;
        try { CreateAsCurrent(path, bytes); }
        finally
        {
            machine.CurrentTask = outer;
            _accounting.End(pid, before);
        }
        _oomKills.Collect();
    }

    private Errno CreateAsCurrent(string path, long bytes)
    {
        if (machine.Fs.MkdirParents(path, Math.Max(1, path.TrimEnd('/').LastIndexOf('/'))) is null) return Errno.ENOENT;
        Inode? f = machine.Fs.Lookup(path, out Errno e) ?? (e == Errno.ENOENT ? machine.Fs.Create(path, out e) : null);
        if (f is null || f.IsDirectory) return e;
        if (bytes <= 0) return Errno.Ok;
        Errno t = machine.FileIo.Truncate(f);
        return t != Errno.Ok ? t : machine.FileIo.Write(f, 0, bytes).Error;
    }

    private T Charged<T>(int pid, Func<T> call)
    {
        T result = _accounting.Charge(pid, call);
        _oomKills.Collect();
        return result;
    }
}
