// Models /proc/meminfo (fs/proc/meminfo.c meminfo_proc_show, mm/show_mem.c si_mem_available),
// kernel-spec §15: every 6.18 line in order, 16-character labels, values in kB right-aligned to 8.
// Compute gathers the numbers from the machine's counters; Render prints them byte for byte.
// Subsystems that are not simulated yet contribute 0 (documented per field below).
using System.Text;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Procfs;

public static class Meminfo
{
    /// <summary>Every /proc/meminfo line in 6.18 order: label and value in kB (HugePages_* are counts).</summary>
    public sealed record Values(IReadOnlyList<KeyValuePair<string, long>> Lines)
    {
        public long this[string label] => Lines.First(l => l.Key == label).Value;
    }

    public static Values Compute(Machine m)
    {
        PgData node = m.Node;
        long Stat(NodeStatItem i) => node.Stat[(int)i];
        long swapCached = Stat(NodeStatItem.NrSwapcached);
        long buffers = m.Fs.BlockDevice.NrPages;            // nr_blockdev_pages: the bdev's page cache
        long cached = Math.Max(0, Stat(NodeStatItem.NrFilePages) - swapCached - buffers);
        long activeAnon = Stat(NodeStatItem.NrActiveAnon), inactiveAnon = Stat(NodeStatItem.NrInactiveAnon);
        long activeFile = Stat(NodeStatItem.NrActiveFile), inactiveFile = Stat(NodeStatItem.NrInactiveFile);
        long sreclaimable = Stat(NodeStatItem.NrSlabReclaimable), sunreclaim = Stat(NodeStatItem.NrSlabUnreclaimable);
        long kreclaimable = sreclaimable + Stat(NodeStatItem.NrKernelMiscReclaimable);
        var lines = new List<KeyValuePair<string, long>>();
        void Pages(string label, long pages) => lines.Add(new(label, Units.K(pages)));
        void Kb(string label, long kb) => lines.Add(new(label, kb));
        Pages("MemTotal", node.TotalramPages);
        Pages("MemFree", node.NrFreePages);
        Pages("MemAvailable", SiMemAvailable(node));
        Pages("Buffers", buffers);
        Pages("Cached", cached);
        Pages("SwapCached", swapCached);
        Pages("Active", activeAnon + activeFile);
        Pages("Inactive", inactiveAnon + inactiveFile);
        Pages("Active(anon)", activeAnon);
        Pages("Inactive(anon)", inactiveAnon);
        Pages("Active(file)", activeFile);
        Pages("Inactive(file)", inactiveFile);
        Pages("Unevictable", Stat(NodeStatItem.NrUnevictable));
        Pages("Mlocked", node.Zones.Sum(z => z.Stat[(int)ZoneStatItem.NrMlock]));
        Pages("SwapTotal", m.Swap.TotalPages);
        Pages("SwapFree", m.Swap.FreePages);
        Kb("Zswap", 0);
        Kb("Zswapped", 0);
        Pages("Dirty", Stat(NodeStatItem.NrDirty));
        Pages("Writeback", Stat(NodeStatItem.NrWriteback));
        Pages("AnonPages", Stat(NodeStatItem.NrAnonPages));
        Pages("Mapped", Stat(NodeStatItem.NrMapped));
        Pages("Shmem", Stat(NodeStatItem.NrShmem));
        Pages("KReclaimable", kreclaimable);
        Pages("Slab", sreclaimable + sunreclaim);
        Pages("SReclaimable", sreclaimable);
        Pages("SUnreclaim", sunreclaim);
        Kb("KernelStack", Stat(NodeStatItem.NrKernelStack));
        Pages("PageTables", Stat(NodeStatItem.NrPageTablePages));
        Pages("SecPageTables", 0);
        Kb("NFS_Unstable", 0);
        Kb("Bounce", 0);
        Kb("WritebackTmp", 0);
        Pages("CommitLimit", m.Mm.Commit.CommitLimitPages());
        Pages("Committed_AS", m.Mm.Commit.CommittedPages);
        Kb("VmallocTotal", 34359738367);
        Pages("VmallocUsed", m.Vmalloc.VmallocPages);
        Kb("VmallocChunk", 0);
        Pages("Percpu", PercpuPages(m.Cpus));
        Pages("AnonHugePages", Stat(NodeStatItem.NrAnonTransparentHugepages));
        Pages("ShmemHugePages", Stat(NodeStatItem.NrShmemHugepages));
        Pages("ShmemPmdMapped", Stat(NodeStatItem.NrShmemPmdmapped));
        Pages("FileHugePages", Stat(NodeStatItem.NrFileHugepages));
        Pages("FilePmdMapped", Stat(NodeStatItem.NrFilePmdmapped));
        Kb("Balloon", 0);
        lines.Add(new("HugePages_Total", 0));
        lines.Add(new("HugePages_Free", 0));
        lines.Add(new("HugePages_Rsvd", 0));
        lines.Add(new("HugePages_Surp", 0));
        Kb("Hugepagesize", 2048);
        Kb("Hugetlb", 0);
        var (d4k, d2m, d1g) = DirectMap(node);
        Kb("DirectMap4k", d4k);
        Kb("DirectMap2M", d2m);
        Kb("DirectMap1G", d1g);
        return new Values(lines);
    }

    /// <summary>si_mem_available (mm/show_mem.c), kernel-spec §15.3.</summary>
    public static long SiMemAvailable(PgData node)
    {
        long wmarkLow = node.Zones.Sum(z => z.Watermarks.Low);
        long available = node.NrFreePages - node.TotalreservePages;
        long pagecache = node.Stat[(int)NodeStatItem.NrActiveFile] + node.Stat[(int)NodeStatItem.NrInactiveFile];
        pagecache -= Math.Min(pagecache / 2, wmarkLow);
        available += pagecache;
        long reclaimable = node.Stat[(int)NodeStatItem.NrSlabReclaimable] + node.Stat[(int)NodeStatItem.NrKernelMiscReclaimable];
        reclaimable -= Math.Min(reclaimable / 2, wmarkLow);
        available += reclaimable;
        return Math.Max(available, 0);
    }

    /// <summary>Pages of the embedded first percpu chunk per CPU ("percpu: Embedded N pages/cpu" at boot);
    /// memblock-allocated, so outside MemTotal. Later chunks are not modelled.</summary>
    public const long PercpuPagesPerCpu = 64;

    /// <summary>pcpu_nr_pages (mm/percpu.c): populated pages of every chunk times the units (CPUs).</summary>
    public static long PercpuPages(int cpus) => PercpuPagesPerCpu * cpus;

    /// <summary>x86 direct map page sizes: 4k for the first 2 MiB, 2M up to 1 GiB, 1G for whole GiBs above.</summary>
    private static (long Kb4k, long Kb2m, long Kb1g) DirectMap(PgData node)
    {
        long endKb = Units.K(node.Map.EndPfn);
        long kb4k = Math.Min(endKb, 2048);
        long oneGiBKb = 1L << 20;
        long kb1g = endKb > oneGiBKb ? (endKb - oneGiBKb) / oneGiBKb * oneGiBKb : 0;
        long kb2m = Units.AlignDown(endKb - kb4k - kb1g, 2048);
        kb4k = endKb - kb2m - kb1g;
        return (kb4k, kb2m, kb1g);
    }

    public static string Render(Values v)
    {
        var sb = new StringBuilder();
        foreach (var (label, value) in v.Lines)
        {
            if (label.StartsWith("HugePages_", StringComparison.Ordinal))
                sb.Append($"{label + ":",-16}   {value,5}\n");
            else
                sb.Append($"{label + ":",-16}{value,8} kB\n");
        }
        return sb.ToString();
    }
}
