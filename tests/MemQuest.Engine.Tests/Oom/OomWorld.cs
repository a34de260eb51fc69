// A tiny box for OOM tests: boots a small machine and adds processes that exist only as mm
// counters (the counters are exactly what oom_badness reads), in task-list order.
using MemQuest.Engine;
using MemQuest.Engine.Mm;

namespace MemQuest.Engine.Tests.Oom;

internal static class OomWorld
{
    /// <summary>A 64 MiB box (cheap to boot) with init as pid 1.</summary>
    public static Machine Boot(long memTotalKb = 64 * 1024, params (string Key, string Value)[] sysctls)
    {
        var spec = new MachineSpec(memTotalKb)
        {
            Sysctls = sysctls.Select(s => new KeyValuePair<string, string>(s.Key, s.Value)).ToList(),
        };
        Machine m = Machine.Boot(spec, seed: 1);
        Add(m, "systemd", rss: 3000, pgtablesBytes: 90112);
        return m;
    }

    public static Process Add(Machine m, string comm, long rss, long swap = 0, long pgtablesBytes = 0, short adj = 0,
        int uid = 0, long anon = -1, long file = 0, long shmem = 0, long totalVm = -1)
    {
        var mm = new MmStruct
        {
            RssAnonPages = anon < 0 ? rss - file - shmem : anon,
            RssFilePages = file,
            RssShmemPages = shmem,
            SwapEntsPages = swap,
            PgtablesBytes = pgtablesBytes,
            TotalVmPages = totalVm < 0 ? rss + swap + 1000 : totalVm,
        };
        var p = new Process(m.Processes.AllocPid(), comm, 1, mm) { Uid = uid, OomScoreAdj = adj };
        m.Processes.Add(p);
        return p;
    }

    public static Process KernelThread(Machine m, string comm)
    {
        var p = new Process(m.Processes.AllocPid(), comm, 2, null);
        m.Processes.Add(p);
        return p;
    }
}
