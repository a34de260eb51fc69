// Compaction (mm/compaction.c): a zone fragmented by freeing every other page-cache page cannot
// serve an order-4 request; compact_memory migrates the movable pages and the same request then
// succeeds, as /proc/buddyinfo shows before and after.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Procfs;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Tests.Filemap;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Tests.Compaction;

public sealed class CompactionTests
{
    /// <summary>GFP_KERNEL without any reclaim or compaction (no kswapd either): only what the free lists hold.</summary>
    private const GfpFlags NoCompactKernel = GfpFlags.GfpKernel & ~GfpFlags.Reclaim;

    /// <summary>Fill all but a little free memory with one-page files, then delete every other file.</summary>
    private static PageCacheBox Fragmented()
    {
        var box = new PageCacheBox(128L << 10);
        var m = box.Machine;
        var files = new List<string>();
        long high = m.Node.Zones.Sum(z => z.Watermarks.High);
        for (int i = 0; m.Node.NrFreePages > high + 2048; i++)
        {
            string path = $"/data/p{i}";
            box.Write(path, 4096);
            files.Add(path);
        }
        box.Sync();
        for (int i = 0; i < files.Count; i += 2) m.Fs.Unlink(files[i]);
        while (m.PageAlloc.AllocPages(4, NoCompactKernel) >= 0) { }
        return box;
    }

    /// <summary>Free blocks of at least <paramref name="order"/> in DMA32, the zone the files filled.</summary>
    private static long HighOrderBlocks(Machine m, int order)
    {
        long n = 0;
        Zone z = m.Node.Zones[(int)ZoneType.Dma32];
        for (int o = order; o <= Units.MaxPageOrder; o++) n += z.NrFree(o);
        return n;
    }

    [Fact]
    public void CompactMemory_FragmentedZone_Order4RequestThenSucceeds()
    {
        var box = Fragmented();
        var m = box.Machine;
        string before = Buddyinfo.Render(m.Node);
        Assert.Equal(0, HighOrderBlocks(m, 4));
        Assert.True(m.Node.Zones[(int)ZoneType.Dma32].NrFreePages > 4096, $"plenty is free, but in small blocks: {before}");
        Assert.True(m.PageAlloc.AllocPages(4, NoCompactKernel) < 0);
        long cachedBefore = box.Kb("Cached");

        Assert.Equal(Errno.Ok, m.Sysctls.Write(SysctlCatalog.CompactMemory, "1"));

        string after = Buddyinfo.Render(m.Node);
        Assert.NotEqual(before, after);
        Assert.True(HighOrderBlocks(m, 4) > 0, after);
        Assert.True(m.PageAlloc.AllocPages(4, NoCompactKernel) >= 0);
        Assert.Equal(cachedBefore, box.Kb("Cached"));
        Assert.True(m.VmEvents[VmEventItem.PgmigrateSuccess] > 0);
        Assert.True(m.VmEvents[VmEventItem.CompactMigrateScanned] > 0);
    }

    [Fact]
    public void CompactMemory_MigratedPages_StayReadableFromTheCache()
    {
        var box = Fragmented();
        var m = box.Machine;
        m.Sysctls.Write(SysctlCatalog.CompactMemory, "1");
        foreach (var inode in m.Fs.AllInodes().Where(i => i.NrPages > 0))
            foreach (long idx in inode.CachedIndexes())
            {
                int pfn = inode.PageAt(idx);
                Assert.Same(inode, m.PageCache.InodeOf(pfn));
                Assert.Equal(idx, m.PageCache.IndexOf(pfn));
            }
        long disk = 0;
        for (int i = 1; m.Fs.Lookup($"/data/p{i}", out _) is not null; i += 2) disk += box.Read($"/data/p{i}").DiskReadPages;
        Assert.Equal(0, disk);
    }

    [Fact]
    public void AllocPages_Order4WithDirectCompaction_CompactsInsteadOfFailing()
    {
        var box = Fragmented();
        var m = box.Machine;
        Assert.True(m.PageAlloc.AllocPages(4, GfpFlags.GfpKernel & ~GfpFlags.KswapdReclaim) >= 0);
        Assert.True(m.VmEvents[VmEventItem.CompactStall] > 0);
    }

    [Fact]
    public void CompactMemory_Zero_IsEinval()
        => Assert.Equal(Errno.EINVAL, new PageCacheBox(128L << 10).Machine.Sysctls.Write(SysctlCatalog.CompactMemory, "0"));
}
