// Slab shrinking of the dentry and inode caches (kernel-spec §13.3): do_shrink_slab scans in
// proportion to freeable >> priority, scaled by vfs_cache_pressure; 0 protects them entirely.
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Tests.Filemap;

namespace MemQuest.Engine.Tests.Reclaim;

public sealed class ShrinkSlabTests
{
    private static PageCacheBox WithFiles(string pressure, int files)
    {
        var box = new PageCacheBox(1L << 20, 0, (SysctlCatalog.VfsCachePressure, pressure));
        box.Machine.Fs.Mkdir("/data/s", parents: false);
        for (int i = 0; i < files; i++) box.Machine.Fs.Create($"/data/s/f{i}", out _);
        return box;
    }

    [Fact]
    public void DropSlab_VfsCachePressureZero_FreesNothing()
    {
        var box = WithFiles("0", 2000);
        long before = box.Machine.Fs.Dcache.DentryCache.DcacheObjects;
        box.Drop("2");
        Assert.Equal(before, box.Machine.Fs.Dcache.DentryCache.DcacheObjects);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("1000")]
    public void ShrinkSlab_Priority12VersusPriority0_ScansFreeableShiftedByPriority(string pressure)
    {
        var box = WithFiles(pressure, 4096);
        long freeable = box.Machine.Fs.Dcache.CountObjects(long.Parse(pressure));
        Assert.True((freeable >> 12) * 4 / Engine.Dcache.Dcache.DefaultSeeks < Engine.Dcache.Dcache.ShrinkBatch);
        Assert.Equal(0, box.Machine.Vmscan.ShrinkSlab(12));   // less than one SHRINK_BATCH: nothing scanned yet
        long freed0 = box.Machine.Vmscan.ShrinkSlab(0);
        Assert.True(freed0 > 2000, $"priority 0 scans 2 x freeable: freed {freed0}");
    }
}
