// drop_caches as kernel-spec §13.5 describes it (facts 73-74): what 1, 2, 3 and 4 drop, what stays,
// the EINVAL/EACCES answers and the kernel log line; and its price: a cold cache is read from disk.
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Tests.Filemap;

public sealed class DropCachesTests
{
    private const long MiB200 = 200L << 20;

    [Fact]
    public void Drop1_After200MiBRead_RemovesExactly204800KbOfCached()
    {
        var box = new PageCacheBox();
        box.Write("/data/big", MiB200);
        box.Sync();
        Assert.Equal(Errno.Ok, box.Drop("1"));
        long baseline = box.Kb("Cached");
        box.Read("/data/big");
        Assert.Equal(baseline + 204800, box.Kb("Cached"));
        Assert.Equal(Errno.Ok, box.Drop("1"));
        Assert.Equal(baseline, box.Kb("Cached"));
    }

    [Fact]   // kernel-spec §19 fact 73
    public void Drop1_UnsyncedDirtyPages_SurviveUntilSync()
    {
        var box = new PageCacheBox();
        box.Drop("1");                              // the clean C library pages cached at boot go first
        long cached0 = box.Kb("Cached"), dirty0 = box.Kb("Dirty");
        box.Write("/data/big", MiB200);
        Assert.Equal(cached0 + 204800, box.Kb("Cached"));
        Assert.InRange(box.Kb("Dirty") - dirty0, 204800, 204808);   // + the new inode's inode-table block (Buffers)
        box.Drop("1");
        Assert.Equal(cached0 + 204800, box.Kb("Cached"));
        box.Sync();
        Assert.Equal(0, box.Kb("Dirty"));
        box.Drop("1");
        Assert.Equal(0, box.Kb("Cached"));
    }

    [Fact]   // kernel-spec §19 fact 73: mapped pages stay
    public void Drop1_MappedFile_StaysCached()
    {
        var box = new PageCacheBox();
        var f = box.Write("/data/mapped", 100L << 20);
        box.Sync();
        box.Machine.FileIo.MapFile(f);
        box.Drop("1");
        Assert.Equal(25600, f.NrPages);
        Assert.Equal(102400, box.Kb("Mapped"));
        box.Machine.FileIo.UnmapFile(f);
        box.Drop("1");
        Assert.Equal(0, f.NrPages);
    }

    [Theory]   // kernel-spec §19 fact 74
    [InlineData("0", Errno.EINVAL)]
    [InlineData("-1", Errno.EINVAL)]
    [InlineData("5", Errno.EINVAL)]
    [InlineData("1", Errno.Ok)]
    [InlineData("4", Errno.Ok)]
    public void Write_Value_AcceptsOneToFourOnly(string value, Errno expected)
        => Assert.Equal(expected, new PageCacheBox(1L << 20).Drop(value));

    [Fact]   // kernel-spec §19 fact 74: mode 0200
    public void Read_DropCaches_IsEacces()
        => Assert.Equal(Errno.EACCES, new PageCacheBox(1L << 20).Machine.Sysctls.Read("drop_caches", out _));

    [Fact]
    public void Drop2_AfterCreatingFiles_FreesTheirDentriesAndInodes()
    {
        var box = new PageCacheBox(1L << 20);
        var dcache = box.Machine.Fs.Dcache;
        long dentries0 = dcache.DentryCache.DcacheObjects, inodes0 = dcache.Ext4InodeCache.DcacheObjects;
        long sreclaimable0 = box.Kb("SReclaimable");
        box.Machine.Fs.Mkdir("/data/spool", parents: false);
        for (int i = 0; i < 5000; i++) box.Machine.Fs.Create($"/data/spool/m{i}", out _);
        Assert.InRange(dcache.DentryCache.DcacheObjects - dentries0, 5000, 5001);
        Assert.InRange(dcache.Ext4InodeCache.DcacheObjects - inodes0, 5000, 5001);
        Assert.True(box.Kb("SReclaimable") > sreclaimable0 + 5000 * 192 / 1024);
        box.Drop("2");
        Assert.True(dcache.DentryCache.DcacheObjects <= dentries0);
        Assert.True(dcache.Ext4InodeCache.DcacheObjects <= inodes0);
        Assert.True(box.Kb("SReclaimable") < sreclaimable0 + 5000 * 192 / 1024);
        Assert.Equal(1, box.Machine.VmEvents[VmEventItem.DropSlab]);
    }

    [Fact]   // kernel-spec §5.3: freeing the objects discards empty slabs; a cache keeps at most min_partial
             // empty slabs on the node plus its per-CPU partial list (cpu_partial_slabs)
    public void Drop2_AfterCreatingFiles_GivesTheSlabPagesBackToTheBuddyAllocator()
    {
        var box = new PageCacheBox(1L << 20);
        var dcache = box.Machine.Fs.Dcache;
        box.Machine.Fs.Mkdir("/data/spool", parents: false);
        box.Sync();
        box.Drop("2");
        long[] slabs0 = dcache.Caches.Select(c => c.Cache.NumSlabs).ToArray();
        long free0 = box.Kb("MemFree"), sreclaimable0 = box.Kb("SReclaimable"), slab0 = box.Kb("Slab"), buffers0 = box.Kb("Buffers");
        for (int i = 0; i < 20000; i++) box.Machine.Fs.Create($"/data/spool/m{i}", out _);
        Assert.True(box.Kb("SReclaimable") - sreclaimable0 > 20000 * (192 + 1128) / 1024);
        box.Sync();
        box.Drop("2");
        var caches = dcache.Caches.ToArray();
        for (int k = 0; k < caches.Length; k++)
        {
            var layout = caches[k].Cache.Layout;
            Assert.InRange(caches[k].Cache.NumSlabs - slabs0[k], 0, layout.MinPartial + layout.CpuPartialSlabs);
        }
        long keptSlabKb = box.Kb("Slab") - slab0;
        Assert.Equal(keptSlabKb, box.Kb("SReclaimable") - sreclaimable0);
        Assert.Equal(free0 - keptSlabKb - (box.Kb("Buffers") - buffers0), box.Kb("MemFree"));
    }

    [Fact]
    public void Find_AfterDrop2_LooksEveryEntryUpAgain()
    {
        var box = new PageCacheBox(1L << 20);
        box.Machine.Fs.Mkdir("/data/d", parents: false);
        for (int i = 0; i < 100; i++) box.Machine.Fs.Create($"/data/d/f{i}", out _);
        box.Drop("2");
        long before = box.Machine.Fs.Dcache.DentryCache.DcacheObjects;
        for (int i = 0; i < 100; i++) box.Machine.Fs.Lookup($"/data/d/f{i}", out _);
        Assert.True(box.Machine.Fs.Dcache.DentryCache.DcacheObjects >= before + 100);
    }

    [Fact]
    public void Handle_LogLine_OnceUntilBit4SilencesIt()
    {
        var box = new PageCacheBox(1L << 20);
        box.Machine.DropCaches.Caller = ("bash", 4537);
        box.Drop("1");
        box.Drop("4");
        box.Drop("3");
        var lines = box.Machine.Kmsg.Lines.Where(l => l.Contains("drop_caches")).ToList();
        Assert.Equal(2, lines.Count);
        Assert.EndsWith("] bash (4537): drop_caches: 1", lines[0]);
        Assert.EndsWith("] bash (4537): drop_caches: 4", lines[1]);
    }

    [Fact]
    public void Read_AfterDrop1_ComesFromDiskAgain()
    {
        var box = new PageCacheBox(1L << 20);
        box.Write("/data/db", 8L << 20);
        box.Sync();
        Assert.Equal(0, box.Read("/data/db").DiskReadPages);
        box.Drop("1");
        var cold = box.Read("/data/db");
        Assert.Equal(2048, cold.DiskReadPages);
        Assert.Equal(0, box.Read("/data/db").DiskReadPages);
    }
}
