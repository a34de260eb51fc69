// What a behaviour sees on a tick: the kernel mechanisms, its pid, the tick, its load (1000 = normal,
// 2000 = a traffic spike of 2x), the box's seeded randomness, its environment, its journal and its
// allocation ledger (the app-level record heaptrack and valgrind report).
using MemQuest.Engine;

using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Workloads;

public sealed class WorkloadContext(IKernelMechanisms kernel, SimRandom random, AllocationLedger ledger)
{
    public IKernelMechanisms Kernel { get; } = kernel;
    public SimRandom Random { get; } = random;
    /// <summary>The heap record of the current process; a restart starts a fresh one.</summary>
    public AllocationLedger Ledger { get; set; } = ledger;
    public int Pid { get; set; }
    public long Tick { get; set; }
    public long LoadPermille { get; set; } = 1000;
    public IReadOnlyDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();
    public List<string> Journal { get; } = [];
    public IReadOnlyList<Model.Box.AllocationSite> Sites
    {
        get => _sites;
        set
        {
            _sites = value;
            LeakSite = value.FirstOrDefault(s => s.Leaks)?.Function ?? "operator new";
            TempSite = value.FirstOrDefault(s => !s.Leaks)?.Function ?? "malloc";
        }
    }

    private IReadOnlyList<Model.Box.AllocationSite> _sites = [];

    /// <summary>Pages served from the page cache and read from disk by this process's reads.</summary>
    public long CachedPages { get; set; }
    public long DiskPages { get; set; }
    public long ForkFailures { get; set; }
    public long ForkSuccesses { get; set; }

    /// <summary>Set by a behaviour whose process ends by itself (a batch job that finished).</summary>
    public bool Exited { get; set; }

    /// <summary>Whether the latest snapshot (fork + dump) succeeded; null before the first attempt.</summary>
    public bool? LastSnapshotOk { get; set; }

    /// <summary>The site heaptrack blames for what this process keeps, and one for short-lived allocations.</summary>
    /// <summary>(Worked out when Sites is set: a behaviour asks on every malloc.)</summary>
    public string LeakSite { get; private set; } = "operator new";
    public string TempSite { get; private set; } = "malloc";

    /// <summary>malloc + write; records the site, or a failed allocation.</summary>
    public long Malloc(string site, long bytes)
    {
        long ptr = Kernel.Malloc(Pid, bytes);
        if (ptr == 0) { Ledger.Failed(); return 0; }
        Ledger.Allocated(site, bytes);
        return ptr;
    }

    /// <summary>mmap + touch every page (an application that initialises its region).</summary>
    public long MapAndTouch(long kb)
    {
        if (kb <= 0) return 0;
        long addr = Kernel.Mmap(Pid, kb * 1024);
        if (addr < 0) { Ledger.Failed(); return -1; }
        Kernel.TouchPages(Pid, addr, Engine.Units.KbToPages(kb));
        return addr;
    }

    public void Read(string path, long offsetBytes, long bytes)
    {
        FileReadResult r = Kernel.ReadFile(Pid, path, offsetBytes, bytes);
        CachedPages += r.CachedPages;
        DiskPages += r.DiskPages;
    }

    /// <summary>Scale a per-tick amount by the current load.</summary>
    public long Scaled(long amount) => amount * LoadPermille / 1000;
}
