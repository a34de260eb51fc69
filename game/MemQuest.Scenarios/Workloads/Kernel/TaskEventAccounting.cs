// Per-task fault, swap-in and stall counters. The engine counts these events machine-wide
// (/proc/vmstat: pgmajfault, pswpin, allocstall_*); the kernel charges them to "current", the task
// whose fault or allocation caused them. Every mechanism call EngineKernel makes on behalf of a task
// is bracketed here, so each event the engine counts during it is charged to that task.
using MemQuest.Engine;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Scenarios.Workloads.Kernel;

internal sealed class TaskEventAccounting(Machine machine)
{
    private readonly Dictionary<int, (long Major, long SwapIns, long Stalls)> _byPid = [];

    /// <summary>Run <paramref name="call"/> as <paramref name="pid"/> and charge the events it caused.</summary>
    public T Charge<T>(int pid, Func<T> call)
    {
        var before = Begin();
        try { return call(); }
        finally { End(pid, before); }
    }

    /// <summary>The counters before a call made inline (no delegate); pass them to <see cref="End"/> after it.</summary>
    public (long Major, long SwapIns, long Stalls) Begin() => Snapshot();

    /// <summary>Charge <paramref name="pid"/> with the events counted since <see cref="Begin"/>.</summary>
    public void End(int pid, (long Major, long SwapIns, long Stalls) before)
    {
        var after = Snapshot();
        if (after == before) return;
        var (major, swapIns, stalls) = _byPid.GetValueOrDefault(pid);
        _byPid[pid] = (major + after.Major - before.Major, swapIns + after.SwapIns - before.SwapIns, stalls + after.Stalls - before.Stalls);
    }

    public (long Major, long SwapIns, long Stalls) Of(int pid) => _byPid.GetValueOrDefault(pid);

    public void Forget(int pid) => _byPid.Remove(pid);

    private (long Major, long SwapIns, long Stalls) Snapshot()
    {
        VmEvents e = machine.VmEvents;
        long stalls = 0;
        for (var i = VmEventItem.AllocstallDma; i <= VmEventItem.AllocstallDevice; i++) stalls += e[i];
        return (e[VmEventItem.Pgmajfault], e[VmEventItem.Pswpin], stalls);
    }
}
