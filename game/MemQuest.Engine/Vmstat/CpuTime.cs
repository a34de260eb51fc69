// Models the CPU time accounting behind the "cpu" line of /proc/stat (kernel/sched/cputime.c
// account_system_time / account_idle_time, USER_HZ = 100), which vmstat's us/sy/id/wa/st columns
// read. The engine does not simulate programs computing, so the model derives time from the kernel
// work it does simulate, in integers:
// * system: every tick, the new vm events are priced in nanoseconds (a page fault 1000 ns, a page
//   written through write() (nr_dirtied) 500 ns, a page scanned by reclaim 200 ns, a pfn walked by a
//   compaction scanner 50 ns, a page migrated 2000 ns, a slab object scanned by a shrinker 100 ns), added to
//   a backlog that the CPUs work off at 10 jiffies per CPU per 100 ms tick, so a burst (a dd, a
//   direct reclaim storm) keeps the CPUs busy for as many ticks as it costs;
// * iowait: kB read from disk (pgpgin: page-cache misses and swap-ins) at the disk's 100 MiB/s, i.e.
//   1024 kB per jiffy; the reader is one task, so it keeps at most one CPU in iowait, and only while
//   that CPU has no system work;
// * idle: the rest. user, nice, irq, softirq, steal and guest stay 0 (no program CPU demand, no
//   hypervisor).
// Accounting starts when the box has booted (StartAccounting): the box's clock (uptime, ticks) starts
// there, so the work boot did (the C library read into the page cache, the inode tables read by the
// boot lookups) took time before tick 0 and is no backlog for the first tick.
// Invariant: user + system + idle + iowait + steal == Cpus * JiffiesPerTick * ticks accounted.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Vmstat;

public sealed class CpuTime(int cpus, VmEvents events, PgData node)
{
    /// <summary>USER_HZ: /proc/stat counts in hundredths of a second.</summary>
    public const long UserHz = 100;
    /// <summary>Jiffies (USER_HZ) per CPU in one 100 ms tick.</summary>
    public const long JiffiesPerTick = 10;
    public const long NsPerJiffy = 10_000_000;
    public const long FaultNs = 1000;
    public const long PageWriteNs = 500;
    public const long ReclaimScanNs = 200;
    public const long CompactScanNs = 50;
    public const long MigrateNs = 2000;
    public const long SlabScanNs = 100;
    /// <summary>Disk read speed: 100 MiB/s = 1024 kB per jiffy.</summary>
    public const long DiskKbPerJiffy = 1024;

    private long _seenFaults, _seenDirtied, _seenScans, _seenCompactScans, _seenMigrations, _seenSlabScans, _seenReadKb;
    private long _systemBacklogNs, _ioBacklogKb;

    public long User { get; private set; }
    public long System { get; private set; }
    public long Idle { get; private set; }
    public long Iowait { get; private set; }
    public long Steal { get; private set; }
    /// <summary>Whether a reader is still waiting for the disk (vmstat's b column: procs_blocked).</summary>
    public bool IoPending => _ioBacklogKb >= DiskKbPerJiffy;

    /// <summary>Called once at the end of boot: the counters so far belong to boot, which ran before tick 0.</summary>
    public void StartAccounting()
    {
        Tick();                                              // takes every counter's boot delta...
        User = System = Idle = Iowait = Steal = 0;           // ...and drops what it accounted and left over
        _systemBacklogNs = _ioBacklogKb = 0;
    }

    /// <summary>account_process_tick for every CPU over one 100 ms tick.</summary>
    public void Tick()
    {
        _systemBacklogNs += Take(ref _seenFaults, events[VmEventItem.Pgfault]) * FaultNs
            + Take(ref _seenDirtied, node.Stat[(int)NodeStatItem.NrDirtied]) * PageWriteNs
            + Take(ref _seenScans, events[VmEventItem.PgscanKswapd] + events[VmEventItem.PgscanDirect]) * ReclaimScanNs
            + Take(ref _seenCompactScans, events[VmEventItem.CompactMigrateScanned] + events[VmEventItem.CompactFreeScanned]
                + events[VmEventItem.CompactDaemonMigrateScanned] + events[VmEventItem.CompactDaemonFreeScanned]) * CompactScanNs
            + Take(ref _seenMigrations, events[VmEventItem.PgmigrateSuccess]) * MigrateNs
            + Take(ref _seenSlabScans, events[VmEventItem.SlabsScanned]) * SlabScanNs;
        _ioBacklogKb += Take(ref _seenReadKb, events[VmEventItem.Pgpgin]);
        long capacity = cpus * JiffiesPerTick;
        long system = Math.Min(_systemBacklogNs / NsPerJiffy, capacity);
        _systemBacklogNs -= system * NsPerJiffy;
        long freeOnOneCpu = Math.Max(0, JiffiesPerTick - Math.Max(0, system - (cpus - 1) * JiffiesPerTick));
        long iowait = Math.Min(_ioBacklogKb / DiskKbPerJiffy, freeOnOneCpu);
        _ioBacklogKb -= iowait * DiskKbPerJiffy;
        System += system;
        Iowait += iowait;
        Idle += capacity - system - iowait;
    }

    private static long Take(ref long seen, long now)
    {
        long delta = now - seen;
        seen = now;
        return delta;
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(User); w.Add(System); w.Add(Idle); w.Add(Iowait); w.Add(Steal);
        w.Add(_seenFaults); w.Add(_seenDirtied); w.Add(_seenScans); w.Add(_seenCompactScans);
        w.Add(_seenMigrations); w.Add(_seenSlabScans); w.Add(_seenReadKb);
        w.Add(_systemBacklogNs); w.Add(_ioBacklogKb);
    }
}
