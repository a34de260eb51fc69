// The simulated box (architecture §4): boots zones and the buddy allocator from a MachineSpec and a
// seed, owns every subsystem, advances in fixed 100 ms ticks and digests its whole state.
// Stepping contract (architecture §5): Tick++, then each subsystem in a fixed order.
// Determinism (architecture §2.6): integer state only, randomness only from Random, explicit orders.
using MemQuest.Engine.Events;
using MemQuest.Engine.Memcg;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Oom.Seams;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Slab;
using MemQuest.Engine.Vmalloc;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine;

public sealed partial class Machine
{
    public const int TickMilliseconds = 100;

    private Machine(MachineSpec spec, ulong seed, PgData node, KernelEventLog events)
    {
        Spec = spec;
        Seed = seed;
        Random = new SimRandom(seed);
        Events = events;
        Node = node;
        PageAlloc = new PageAllocator(node, events);
        Sysctls = new Sysctls();
        ThpEnabled = spec.ThpEnabled;
        Lru = new Lruvec(node);
        Slab = new SlabAllocator(node, PageAlloc, events, spec.Cpus);
        Vmalloc = new VmallocSpace(node, PageAlloc, Slab, events, spec.Cpus);
        Mm = new VirtualMemory(this);
        Kmsg = new Kmsg(() => UptimeMs);
        Oom = new OomKiller(this);
        InitPageCache();
        Cgroups = new MemcgTree(Processes);
        MemcgCharge = new MemcgCharge(Cgroups, Oom, () => CurrentTask, node, Lru, Vmscan, () => UptimeMs);
        MemcgStat = new MemcgStat(Cgroups, MemcgCharge, node, VmEvents, () => CurrentTask);
        Cgroups.FirstGroupCreated += () => VmEvents.Observer = MemcgStat.CountTaskEvent;
    }

    public MachineSpec Spec { get; }
    public ulong Seed { get; }
    public long Tick { get; private set; }
    public SimRandom Random { get; }
    public KernelEventLog Events { get; }
    public Sysctls Sysctls { get; }
    public PgData Node { get; }
    public Zone[] Zones => Node.Zones;
    public PageAllocator PageAlloc { get; }
    public ProcessTable Processes { get; } = new();
    public Lruvec Lru { get; }
    /// <summary>Public API of the slab allocator (kmem_cache_*, kmalloc/kfree), kernel-spec §5-§6.</summary>
    public SlabAllocator Slab { get; }
    /// <summary>Public API of vmalloc (vmalloc/vfree/kvmalloc, thread stacks), kernel-spec §7.</summary>
    public VmallocSpace Vmalloc { get; }
    /// <summary>Process address spaces: mmap, faults, page tables, overcommit, fork/exit (kernel-spec §8-§10, §16).</summary>
    public VirtualMemory Mm { get; }
    public int Cpus => Spec.Cpus;
    public string ThpEnabled { get; private set; }
    /// <summary>The kernel log (printk ring) that dmesg reads.</summary>
    public Kmsg Kmsg { get; }
    /// <summary>The OOM killer (mm/oom_kill.c), kernel-spec §14.</summary>
    public OomKiller Oom { get; }
    /// <summary>"current": the task whose fault or syscall is being served (null outside any task).</summary>
    public Process? CurrentTask { get; set; }
    /// <summary>Memory cgroups (cgroup v2 under /sys/fs/cgroup), kernel-spec §14.1.</summary>
    public MemcgTree Cgroups { get; }
    public MemcgCharge MemcgCharge { get; }
    /// <summary>memory.stat of each group (kernel-spec §14.1).</summary>
    public MemcgStat MemcgStat { get; }
    /// <summary>The panic() message once the box has panicked; the box is then dead (Step does nothing).</summary>
    public string? PanicMessage { get; private set; }
    public bool Panicked => PanicMessage is not null;

    /// <summary>Simulated time since boot in milliseconds.</summary>
    public long UptimeMs => Tick * TickMilliseconds;

    public static Machine Boot(MachineSpec spec, ulong seed)
    {
        if (spec.Cpus < 1 || spec.Cpus > 1024) throw new ArgumentOutOfRangeException(nameof(spec), "CPUs must be 1..1024");
        if (spec.SwapKb < 0) throw new ArgumentOutOfRangeException(nameof(spec), "swap cannot be negative");
        var events = new KernelEventLog();
        PgData node = ZoneLayout.Boot(spec.MemTotalKb, events);
        var m = new Machine(spec, seed, node, events);
        m.InitReserves();
        SlabBoot.Boot(m.Slab, node.TotalramPages, m.Random);
        VmallocBoot.Boot(m.Vmalloc, spec.Cpus, node.TotalramPages);
        m.PageAlloc.SlowPath = new OomSlowPath(m.PageAlloc.SlowPath, m.Oom, () => m.CurrentTask);
        m.Oom.Scope = new MemcgOomScope(m.Cgroups, m.MemcgStat,
            () => m.Sysctls.Get(SysctlCatalog.Swappiness) == 0 ? 0 : m.Swap.TotalPages);
        // Wired from boot, not from the first group: the first charge binds a task to its group
        // (MemcgTree.GroupOf), which must happen before a later move of its parent.
        m.PageAlloc.ChargeHook = m.MemcgCharge.ChargeNewPage;
        m.PageAlloc.UnchargeHook = m.MemcgCharge.UnchargePage;
        m.Compaction.MemcgMigrate = m.MemcgCharge.MigrateCharge;
        m.PageAlloc.SplitHook = m.MemcgCharge.SplitPage;
        m.BootPageCache();
        m.InitOvercommitReserves();
        m.Mm.Library.PreloadAtBoot(MemQuest.Engine.Mm.Exec.MinimalProgram.LibraryCachePages());
        m.Sysctls.Changed += m.OnSysctlChanged;
        foreach (var (name, value) in spec.Sysctls)
        {
            Errno e = m.Sysctls.Write(name, value);
            if (e != Errno.Ok) throw new ArgumentException($"sysctl vm.{name}={value}: {ErrnoText.Of(e)}", nameof(spec));
        }
        m.CpuTime.StartAccounting();
        return m;
    }

    /// <summary>init_per_zone_wmark_min, then the THP raise (kernel-spec §3.1).</summary>
    private void InitReserves()
    {
        long minFree = WatermarkSetup.CalculateMinFreeKbytes(WatermarkSetup.NrFreeBufferPages(Node));
        ApplyMinFreeKbytes(minFree);
        if (ThpEnabled != "never")
            ApplyMinFreeKbytes(WatermarkSetup.RecommendedMinFreeKbytes(Node, minFree));
    }

    /// <summary>init_user_reserve / init_admin_reserve (mm/util.c, subsys_initcall), kernel-spec §9.3:
    /// 1/32 of the memory still free once the kernel's own boot allocations are done.</summary>
    private void InitOvercommitReserves()
    {
        long freeKb = Units.K(Node.NrFreePages);
        Sysctls.SetComputed(SysctlCatalog.UserReserveKbytes, Math.Min(freeKb / 32, 1L << 17));
        Sysctls.SetComputed(SysctlCatalog.AdminReserveKbytes, Math.Min(freeKb / 32, 1L << 13));
    }

    private void ApplyMinFreeKbytes(long minFreeKbytes)
    {
        Sysctls.SetComputed(SysctlCatalog.MinFreeKbytes, minFreeKbytes);
        RecalculateWatermarks();
    }

    private void RecalculateWatermarks()
    {
        WatermarkSetup.SetupLowmemReserve(Node, Sysctls.GetVector(SysctlCatalog.LowmemReserveRatio));
        WatermarkSetup.SetupPerZoneWmarks(Node, Sysctls.Get(SysctlCatalog.MinFreeKbytes), Sysctls.Get(SysctlCatalog.WatermarkScaleFactor));
        long boostFactor = Sysctls.Get(SysctlCatalog.WatermarkBoostFactor);
        foreach (Zone z in Node.Zones) z.WatermarkBoostFactor = boostFactor;
        WatermarkSetup.CalculateTotalreservePages(Node);
    }

    private void OnSysctlChanged(string name)
    {
        if (name is SysctlCatalog.MinFreeKbytes or SysctlCatalog.WatermarkScaleFactor
            or SysctlCatalog.LowmemReserveRatio or SysctlCatalog.WatermarkBoostFactor)
            RecalculateWatermarks();
    }

    /// <summary>Write /sys/kernel/mm/transparent_hugepage/enabled.</summary>
    public Errno SetThpEnabled(string mode)
    {
        if (mode is not ("always" or "madvise" or "never")) return Errno.EINVAL;
        ThpEnabled = mode;
        return Errno.Ok;
    }

    /// <summary>One 100 ms tick (architecture §5 stepping contract).</summary>
    public void Step()
    {
        if (Panicked) return;
        Tick++;
        Events.Tick = Tick;
        StepPageCache();
        Oom.Step();
    }

    /// <summary>panic (kernel/panic.c): log the message and stop the box for good (panic_timeout 0).</summary>
    public void Panic(string message)
    {
        if (Panicked) return;
        Kmsg.Printk($"Kernel panic - not syncing: {message}");
        Kmsg.Printk($"---[ end Kernel panic - not syncing: {message} ]---");
        PanicMessage = message;
    }

    /// <summary>SHA-256 over the whole state in a fixed order (architecture E8).</summary>
    public string Digest()
    {
        using var w = new DigestWriter();
        w.Section("machine");
        w.Add(Tick);
        w.Add((long)Random.State);
        w.Add(ThpEnabled);
        w.Section("sysctl");
        foreach (long v in Sysctls.DigestValues()) w.Add(v);
        w.Section("zones");
        foreach (Zone z in Node.Zones)
        {
            w.Add(z.ManagedPages);
            w.Add(z.NrFreePages);
            w.Add(z.Watermarks.Boost);
            for (int o = 0; o <= Units.MaxPageOrder; o++)
                for (int mt = 0; mt < Zone.MigrateTypes; mt++)
                {
                    w.Add(z.NrFreeOfType(o, (MigrateType)mt));
                    w.Add(z.FirstFree(o, (MigrateType)mt));
                }
        }
        w.Section("lru");
        Lru.AddToDigest(w);
        w.Section("processes");
        Processes.AddToDigest(w);
        AddPageCacheToDigest(w);
        w.Section("slab");
        Slab.AddToDigest(w);
        w.Section("vmalloc");
        Vmalloc.AddToDigest(w);
        w.Section("mm");
        Mm.AddToDigest(w);
        w.Section("oom");
        w.Add(PanicMessage ?? "");
        Oom.AddToDigest(w);
        w.Section("memcg");
        Cgroups.AddToDigest(w);
        MemcgCharge.AddToDigest(w);
        w.Section("kmsg");
        Kmsg.AddToDigest(w);
        return w.Finish();
    }
}
