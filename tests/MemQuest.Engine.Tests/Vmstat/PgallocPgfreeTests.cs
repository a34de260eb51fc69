using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Tests.Vmstat;

/// <summary>/proc/vmstat pgalloc_&lt;zone&gt; and pgfree (mm/page_alloc.c: rmqueue's
/// __count_zid_vm_events(PGALLOC, zid, 1 &lt;&lt; order); __free_pages counts PGFREE, 1 &lt;&lt; order; boot's
/// memblock_free_all frees every free page through __free_pages_core). Measured on this project's
/// 6.18 box: pgfree - sum(pgalloc_*) = 1336672 with nr_free_pages 1315406 (the rest sits on PCP lists,
/// which the model does not keep), so without PCP lists the difference is exactly nr_free_pages.</summary>
public sealed class PgallocPgfreeTests
{
    private static long AllocatedPages(Machine m) =>
        m.VmEvents[VmEventItem.PgallocDma] + m.VmEvents[VmEventItem.PgallocDma32]
        + m.VmEvents[VmEventItem.PgallocNormal] + m.VmEvents[VmEventItem.PgallocMovable];

    [Fact]
    public void AfterBoot_PgfreeMinusPgalloc_IsNrFreePages()
    {
        Machine m = Machine.Boot(new MachineSpec(1L << 20, 2, 0), 1);
        Assert.True(AllocatedPages(m) > 0, "boot allocates slabs, page tables and the C library's cache");
        Assert.Equal(m.Node.NrFreePages, m.VmEvents[VmEventItem.Pgfree] - AllocatedPages(m));
    }

    [Fact]
    public void AllocAndFree_CountPagesPerZoneNotBlocks()
    {
        Machine m = Machine.Boot(new MachineSpec(4L << 20, 2, 0), 1);
        long normal = m.VmEvents[VmEventItem.PgallocNormal], dma32 = m.VmEvents[VmEventItem.PgallocDma32];
        long freed = m.VmEvents[VmEventItem.Pgfree];
        long pfn = m.PageAlloc.AllocPages(3, GfpFlags.GfpKernel);
        Assert.Equal(normal + 8, m.VmEvents[VmEventItem.PgallocNormal]);   // a 4 GiB box has Normal above DMA32
        long dma32Pfn = m.PageAlloc.AllocPages(0, GfpFlags.GfpKernel | GfpFlags.Dma32);
        Assert.Equal(dma32 + 1, m.VmEvents[VmEventItem.PgallocDma32]);
        m.PageAlloc.FreePages(pfn, 3);
        m.PageAlloc.FreePages(dma32Pfn, 0);
        Assert.Equal(freed + 9, m.VmEvents[VmEventItem.Pgfree]);
        Assert.Equal(m.Node.NrFreePages, m.VmEvents[VmEventItem.Pgfree] - AllocatedPages(m));
    }

    [Fact]
    public void ProcVmstat_PrintsTheCounters()
    {
        Machine m = Machine.Boot(new MachineSpec(1L << 20, 2, 0), 1);
        var lines = MemQuest.Engine.Procfs.Vmstat.Compute(m).ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal(m.VmEvents[VmEventItem.PgallocNormal], lines["pgalloc_normal"]);
        Assert.Equal(m.VmEvents[VmEventItem.Pgfree], lines["pgfree"]);
        Assert.True(lines["pgfree"] > lines["pgalloc_normal"]);
    }
}
