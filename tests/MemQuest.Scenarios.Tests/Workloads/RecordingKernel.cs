// A test double of the kernel seam: records every mechanism call a behaviour makes and answers
// with scripted results (fork failures, meminfo values, cached pages), so behaviours can be tested
// before the engine branches land.
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Tests.Workloads;

internal sealed class RecordingKernel : IKernelMechanisms
{
    private long _next = 0x1000;

    public List<string> Calls { get; } = [];
    public Dictionary<string, long> Meminfo { get; } = [];
    public int ForkResult { get; set; } = 900;
    public long LiveMallocBytes { get; private set; }
    private readonly Dictionary<long, long> _sizes = [];

    public Mechanism Available => (Mechanism)~0;

    public int Spawn(string comm, int parentPid, short oomScoreAdj, IReadOnlyDictionary<string, string> environment) { Calls.Add($"spawn {comm}"); return 500; }
    public void Exit(int pid) => Calls.Add($"exit {pid}");
    public bool Alive(int pid) => true;
    public long Mmap(int pid, long bytes) { Calls.Add($"mmap {bytes}"); return _next += bytes; }
    public long TouchPages(int pid, long address, long pages) { Calls.Add($"touch {pages}"); return pages; }
    public void Munmap(int pid, long address, long bytes) => Calls.Add($"munmap {bytes}");

    public long Malloc(int pid, long bytes)
    {
        Calls.Add($"malloc {bytes}");
        LiveMallocBytes += bytes;
        _sizes[++_next] = bytes;
        return _next;
    }

    public void Free(int pid, long pointer)
    {
        Calls.Add("free");
        LiveMallocBytes -= _sizes[pointer];
    }

    public FileReadResult ReadFile(int pid, string path, long offsetBytes, long bytes)
    {
        Calls.Add($"read {path} {offsetBytes} {bytes}");
        return new FileReadResult(0, bytes / 4096);
    }

    public void CreateFile(int pid, string path, long bytes) => Calls.Add($"create {path} {bytes}");
    public int Fork(int pid) { Calls.Add("fork"); return ForkResult; }
    public long Kmalloc(long bytes) => -1;
    public void Kfree(long handle) { }
    public long Vmalloc(long bytes) => -1;
    public void Vfree(long handle) { }
    public long MeminfoKb(string field) { Calls.Add($"meminfo {field}"); return Meminfo.GetValueOrDefault(field); }
    public ProcessCounters Counters(int pid) => default;
    public IReadOnlyList<OomKill> OomKillsSince(long tick) => [];
    /// <summary>Every task is asleep in memory.high throttling while set.</summary>
    public bool ThrottleAll { get; set; }
    public bool Throttled(int pid) => ThrottleAll;
}
