// Property test: random page-cache, swap, reclaim and compaction workloads on a small box keep
// /proc/meminfo adding up the way the kernel's counters do, checked after every operation and tick.
// tmpfs writes (/dev/shm) are part of the mix: Shmem is in Cached but on the anon LRU, and swaps.
using CsCheck;
using MemQuest.Engine.Filemap;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Procfs;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Tests.Filemap;
using MemQuest.Engine.Tests.Reclaim;

namespace MemQuest.Engine.Tests.Procfs;

public sealed class MeminfoInvariantTests
{
    private static readonly Gen<(int Op, int Arg)[]> Workload =
        Gen.Select(Gen.Int[0, 10], Gen.Int[1, 40]).Array[5, 25];

    [Fact]
    public void Meminfo_RandomWorkloads_FieldsAddUpAtEveryStep()
    {
        Workload.Sample(ops =>
        {
            var box = new PageCacheBox(192L << 10, swapKb: 64L << 10, (SysctlCatalog.Swappiness, "100"));
            var procs = new List<Process>();
            Check(box, procs);
            foreach (var (op, arg) in ops)
            {
                Apply(box, procs, op, arg);
                Check(box, procs);
            }
        }, iter: 12, threads: 1);
    }

    private static void Apply(PageCacheBox box, List<Process> procs, int op, int arg)
    {
        Machine m = box.Machine;
        switch (op)
        {
            case 0: case 1: box.Write($"/data/w{arg % 7}", arg * 1L << 20); break;
            case 2: if (m.Fs.Lookup($"/data/w{arg % 7}", out _) is not null) box.Read($"/data/w{arg % 7}"); break;
            case 3: m.Fs.Unlink($"/data/w{arg % 7}"); break;
            case 4: box.Sync(); break;
            case 5: box.Drop(((arg % 3) + 1).ToString()); break;
            case 6: for (int i = 0; i < arg * 10; i++) m.Fs.Create($"/tmp/e{arg}_{i}", out _); break;
            case 7: if (procs.Count < 3) procs.Add(ReclaimTests.SpawnAnon(m, arg * 1L << 20)); break;
            case 8: for (int t = 0; t < arg; t++) { m.Step(); Check(box, procs); } break;
            case 9: box.Write($"/dev/shm/s{arg % 3}", arg * 1L << 20); break;
            default: m.Sysctls.Write(SysctlCatalog.CompactMemory, "1"); break;
        }
    }

    private static void Check(PageCacheBox box, List<Process> procs)
    {
        Machine m = box.Machine;
        var v = Meminfo.Compute(m);
        long K(long pages) => Units.K(pages);
        Assert.Equal(v["Active"], v["Active(anon)"] + v["Active(file)"]);
        Assert.Equal(v["Inactive"], v["Inactive(anon)"] + v["Inactive(file)"]);
        Assert.Equal(v["Active(file)"] + v["Inactive(file)"] + v["Shmem"], v["Buffers"] + v["Cached"]);
        Assert.Equal(K(m.Fs.AllInodes().Where(i => i.IsShmem).Sum(i => i.NrPages)), v["Shmem"]);
        Assert.True(v["Active(anon)"] + v["Inactive(anon)"] >= v["Shmem"]);
        Assert.Equal(v["Slab"], v["SReclaimable"] + v["SUnreclaim"]);
        Assert.True(v["KReclaimable"] >= v["SReclaimable"]);
        Assert.Equal(K(m.Node.Zones.Sum(z => z.NrFreePages)), v["MemFree"]);
        Assert.InRange(v["MemAvailable"], 0, v["MemFree"] + v["Active(file)"] + v["Inactive(file)"] + v["KReclaimable"]);
        Assert.True(v["Dirty"] <= v["Buffers"] + v["Cached"]);
        Assert.True(v["Mapped"] <= v["Buffers"] + v["Cached"]);
        Assert.InRange(v["SwapFree"], 0, v["SwapTotal"]);
        long swapEnts = m.Processes.TaskList.Where(p => p.Mm is not null).Sum(p => p.Mm!.SwapEntsPages);
        long shmemSwapped = m.Fs.AllInodes().Sum(i => (long)i.SwapEntries.Count);
        Assert.Equal(K(swapEnts + m.Swap.SwapCachePages + shmemSwapped), v["SwapTotal"] - v["SwapFree"]);
        Assert.Equal(v["SwapCached"], K(m.Swap.SwapCachePages));
        long cachePages = m.Fs.AllInodes().Sum(i => i.NrPages) + m.Fs.BlockDevice.NrPages;
        Assert.Equal(v["Buffers"] + v["Cached"], K(cachePages));
        foreach (Inode i in m.Fs.AllInodes().Where(i => i.NrPages > 0))
            Assert.Equal(i.NrPages, i.CachedIndexes().Count());
    }
}
