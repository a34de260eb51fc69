// The simulated box (architecture §4): boots zones and the buddy allocator from a MachineSpec and a
// seed, owns every subsystem, advances in fixed 100 ms ticks and digests its whole state.
// Stepping contract (architecture §5): Tick++, then each subsystem in a fixed order.
// Determinism (architecture §2.6): integer state only, randomness only from Random, explicit orders.
using MemQuest.Engine.Events;
using MemQuest.Engine.Mm;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine;

public sealed class Machine
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
        Mm = new VirtualMemory(this);
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
    /// <summary>Process address spaces: mmap, faults, page tables, overcommit, fork/exit (kernel-spec §8-§10, §16).</summary>
    public VirtualMemory Mm { get; }
    public int Cpus => Spec.Cpus;
    public string ThpEnabled { get; private set; }

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
        m.Sysctls.Changed += m.OnSysctlChanged;
        foreach (var (name, value) in spec.Sysctls)
        {
            Errno e = m.Sysctls.Write(name, value);
            if (e != Errno.Ok) throw new ArgumentException($"sysctl vm.{name}={value}: {ErrnoText.Of(e)}", nameof(spec));
        }
        return m;
    }

    /// <summary>init_per_zone_wmark_min, then the THP raise and the overcommit reserves (kernel-spec §3.1, §9.3).</summary>
    private void InitReserves()
    {
        long minFree = WatermarkSetup.CalculateMinFreeKbytes(WatermarkSetup.NrFreeBufferPages(Node));
        ApplyMinFreeKbytes(minFree);
        if (ThpEnabled != "never")
            ApplyMinFreeKbytes(WatermarkSetup.RecommendedMinFreeKbytes(Node, minFree));
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
        Tick++;
        Events.Tick = Tick;
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
        w.Section("mm");
        Mm.AddToDigest(w);
        return w.Finish();
    }
}
