// The kernel mechanisms a workload or condition drives. A scenario runs only when the engine
// provides every mechanism its workloads and conditions need (IKernelMechanisms.Available).
namespace MemQuest.Scenarios.Workloads.Kernel;

[Flags]
public enum Mechanism
{
    None = 0,
    /// <summary>fork+exec of a task with an mm (ProcessTable).</summary>
    Spawn = 1 << 0,
    /// <summary>mmap and page faults on anonymous memory (do_anonymous_page): the mm branch.</summary>
    AnonFaults = 1 << 1,
    /// <summary>glibc malloc/free with arenas and the mmap threshold: the mm branch.</summary>
    Malloc = 1 << 2,
    /// <summary>read(2) through the page cache, major faults, reclaim: the pagecache branch.</summary>
    FileRead = 1 << 3,
    /// <summary>creating and stat-ing files: dentries and inodes in slab caches: the slab and pagecache branches.</summary>
    FileCreate = 1 << 4,
    /// <summary>fork(2) with the overcommit check (__vm_enough_memory): the mm branch.</summary>
    Fork = 1 << 5,
    /// <summary>kmalloc up to KMALLOC_MAX_CACHE_SIZE from the kmalloc-N slab caches: the slab branch.</summary>
    KmallocSmall = 1 << 6,
    /// <summary>kmalloc above KMALLOC_MAX_CACHE_SIZE straight from the buddy allocator (kmalloc_large).</summary>
    KmallocLarge = 1 << 7,
    /// <summary>vmalloc: order-0 pages mapped into a virtually contiguous area.</summary>
    Vmalloc = 1 << 8,
    /// <summary>The OOM killer and its kill receipts: the oom branch.</summary>
    OomKiller = 1 << 9,
}
