// The page cache, reclaim, swap and compaction part of the simulated box (issue 6; kernel-spec
// §11-§13, §15): the filesystem and its page cache, writeback, the dentry/inode caches, swap areas,
// kswapd and direct reclaim behind the allocator's slow path, compaction, drop_caches, the vm event
// counters. The kernel log is the Oom subsystem's Kmsg. Kept in its own part of Machine so merges stay small.
using MemQuest.Engine.Events;
using MemQuest.Engine.Filemap;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Swap;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine;

public sealed partial class Machine
{
    /// <summary>The swap partition `--swap SIZE` creates (listed in /etc/fstab, so `swapon -a` knows it).</summary>
    public const string BootSwapDevice = "/dev/vda2";

    public VmEvents VmEvents { get; private set; } = null!;
    /// <summary>CPU time in USER_HZ jiffies derived from the kernel work simulated (the /proc/stat cpu line).</summary>
    public CpuTime CpuTime { get; private set; } = null!;
    public PageCache PageCache { get; private set; } = null!;
    public FileSystem Fs { get; private set; } = null!;
    public FileIo FileIo { get; private set; } = null!;
    public SwapTable Swap { get; private set; } = null!;
    /// <summary>Shadow entries and refault detection of the page cache (mm/workingset.c).</summary>
    public Workingset Workingset { get; private set; } = null!;
    public Vmscan Vmscan { get; private set; } = null!;
    public Kswapd Kswapd { get; private set; } = null!;
    public Compaction.Compaction Compaction { get; private set; } = null!;
    public DropCaches DropCaches { get; private set; } = null!;
    public ReclaimSlowPath ReclaimPath { get; private set; } = null!;

    /// <summary>The page-table owner's rmap (set by the Mm subsystem): lets reclaim swap anon pages out,
    /// compaction move them and swapoff bring them back.</summary>
    public IAnonRmap? AnonRmap
    {
        get => Vmscan.Lists.AnonRmap;
        set { Vmscan.Lists.AnonRmap = value; Compaction.AnonRmap = value; }
    }

    private void InitPageCache()
    {
        VmEvents = new VmEvents();
        // memblock_free_all handed every free page to the buddy allocator through __free_pages_core,
        // and each of those frees counted pgfree: after boot, pgfree - sum(pgalloc_*) = free pages.
        VmEvents.Count(VmEventItem.Pgfree, Node.NrFreePages);
        PageAlloc.VmEvents = VmEvents;
        CpuTime = new CpuTime(Spec.Cpus, VmEvents, Node);
        Swap = new SwapTable(Node, PageAlloc, Lru, VmEvents);
        Workingset = new Workingset(Node, Lru, () => Swap.FreePages > 0);
        PageCache = new PageCache(Node, PageAlloc, Lru, VmEvents, Workingset);
        var shmem = new Shmem(Node, PageCache, Lru, Swap);
        Swap.ShmemUnuse = shmem.Unuse;
        var writeback = new Writeback(Node, PageCache, Sysctls, () => Tick);
        var dcache = new Dcache.Dcache(Slab);
        Fs = new FileSystem(PageCache, dcache, writeback, shmem, Swap.FreeEntry, () => Tick);
        FileIo = new FileIo(Fs, () => Tick);
        var lists = new ShrinkList(Node, PageAlloc, Lru, PageCache, Swap, writeback, VmEvents) { Shmem = shmem };
        Vmscan = new Vmscan(Node, Lru, lists, Swap, dcache, Sysctls, VmEvents, Events);
        Kswapd = new Kswapd(Node, Vmscan, VmEvents);
        Compaction = new Compaction.Compaction(Node, PageAlloc, Lru, PageCache, Swap, Sysctls, VmEvents, Events);
        DropCaches = new DropCaches(Fs, Vmscan, Node, VmEvents, Kmsg, Events);
        ReclaimPath = new ReclaimSlowPath(Kswapd, Vmscan, Compaction);
        PageAlloc.SlowPath = ReclaimPath;
        Sysctls.OnWrite(SysctlCatalog.DropCaches, DropCaches.Handle);
        Sysctls.OnWrite(SysctlCatalog.CompactMemory, _ => { Compaction.CompactNodes(); return Errno.Ok; });
    }

    /// <summary>Boot-time filesystem and swap: MachineSpec.SwapKb is SwapTotal, so `--swap SIZE` becomes a
    /// /dev/vda2 of SIZE plus the header page, listed in /etc/fstab and swapped on at boot.</summary>
    private void BootPageCache()
    {
        AnonRmap = new MmAnonRmap(Mm, Processes, Swap);
        Vmscan.Shrinkers.Add(Mm.DeferredSplit);
        Mm.SwapEntryFreed = slot => Swap.FreeEntry(slot);
        Mm.SwapEntryDuplicated = slot => Swap.DuplicateEntry(slot);
        Fs.Populate();
        long usablePages = Units.KbToPages(Spec.SwapKb);
        if (usablePages < 1) return;
        long swapPages = usablePages + 1;
        Swap.Fstab.Add((BootSwapDevice, swapPages, true));
        Kmsg.Printk(Swap.Swapon(BootSwapDevice, swapPages, isPartition: true));
    }

    /// <summary>Per-tick work: the flusher, then kswapd (architecture §5 step 4), then the CPU time that work cost.</summary>
    private void StepPageCache()
    {
        Fs.Writeback.Tick();
        Kswapd.Run();
        CpuTime.Tick();
    }

    private void AddPageCacheToDigest(DigestWriter w)
    {
        w.Section("vmevents");
        VmEvents.AddToDigest(w);
        CpuTime.AddToDigest(w);
        w.Section("pagecache");
        PageCache.AddToDigest(w);
        Fs.AddToDigest(w);
        Fs.Dcache.AddToDigest(w);
        Fs.Writeback.AddToDigest(w);
        DropCaches.AddToDigest(w);
        w.Section("swap");
        Swap.AddToDigest(w);
        w.Section("kswapd");
        Kswapd.AddToDigest(w);
    }
}
