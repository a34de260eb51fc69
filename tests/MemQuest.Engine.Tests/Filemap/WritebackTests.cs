// Dirty-page writeback (kernel-spec §11): the flusher writes an inode dirtied more than
// dirty_expire_centisecs ago at its next dirty_writeback_centisecs pass; sync and fsync write at once.
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Tests.Filemap;

public sealed class WritebackTests
{
    [Fact]
    public void Flusher_DirtyFile_WrittenOnceDirtyExpireCentisecsPassed()
    {
        var box = new PageCacheBox();
        box.Sync();
        box.Write("/data/log", 8L << 20);
        Assert.True(box.Kb("Dirty") >= 8192);
        for (int t = 0; t < 290; t++) box.Machine.Step();
        Assert.True(box.Kb("Dirty") >= 8192, "not expired yet: 29 s < dirty_expire_centisecs 3000");
        for (int t = 0; t < 60; t++) box.Machine.Step();
        Assert.Equal(0, box.Kb("Dirty"));
    }

    [Fact]
    public void Flusher_ShorterExpire_WritesSooner()
    {
        var box = new PageCacheBox(4L << 20, 0, (SysctlCatalog.DirtyExpireCentisecs, "500"));
        box.Sync();
        box.Write("/data/log", 8L << 20);
        for (int t = 0; t < 100; t++) box.Machine.Step();
        Assert.Equal(0, box.Kb("Dirty"));
    }

    [Fact]
    public void Fsync_OneFile_CleansOnlyThatFile()
    {
        var box = new PageCacheBox();
        box.Sync();
        var a = box.Write("/data/a", 1L << 20);
        box.Write("/data/b", 1L << 20);
        Assert.Equal(256, box.Machine.Fs.Writeback.Fsync(a));
        Assert.Equal(0, a.NrDirty);
        Assert.True(box.Kb("Dirty") >= 1024);
    }
}
