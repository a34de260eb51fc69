// tmpfs (/dev/shm) pages as kernel-spec §11, §13.5 and §15 describe them: counted in Shmem and in
// Cached (NR_FILE_PAGES includes shmem), kept on the anon LRU so MemAvailable does not count them
// (§15.3 note), never Dirty, never dropped by drop_caches, only swappable (§12-§13). Checked against
// the real 6.18 box too: 64 MiB written to /dev/shm raised Shmem and Cached by 64 MiB, left Dirty
// alone, survived `echo 1 > drop_caches` and went away with rm.
using MemQuest.Engine.Filemap;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Tests.Filemap;

public sealed class ShmemTests
{
    private const long MiB64Kb = 65536;

    private static Inode Create(PageCacheBox box, string path) =>
        box.Machine.Fs.Create(path, out Errno e) ?? throw new InvalidOperationException(e.ToString());

    [Fact]
    public void Boot_DevShm_IsATmpfsAndTmpIsNot()
    {
        var box = new PageCacheBox();
        Assert.True(box.Machine.Fs.Lookup("/dev/shm", out _)!.IsShmem);
        Assert.False(box.Machine.Fs.Lookup("/tmp", out _)!.IsShmem);
    }

    [Fact]   // kernel-spec §15.2 (Cached includes Shmem) and §15.3 (shmem is on the anon LRU, not available)
    public void Write64MiB_ToDevShm_MovesMeminfoByExactly64MiB()
    {
        var box = new PageCacheBox();
        Inode f = Create(box, "/dev/shm/seg");
        var before = new Dictionary<string, long>();
        string[] labels = ["MemFree", "MemAvailable", "Cached", "Shmem", "Inactive(anon)", "Active(file)", "Inactive(file)", "Dirty", "Buffers", "Slab"];
        foreach (string l in labels) before[l] = box.Kb(l);
        Assert.Equal(Errno.Ok, box.Machine.FileIo.Write(f, 0, MiB64Kb * 1024).Error);
        Assert.Equal(-MiB64Kb, box.Kb("MemFree") - before["MemFree"]);
        Assert.Equal(-MiB64Kb, box.Kb("MemAvailable") - before["MemAvailable"]);
        Assert.Equal(MiB64Kb, box.Kb("Cached") - before["Cached"]);
        Assert.Equal(MiB64Kb, box.Kb("Shmem") - before["Shmem"]);
        Assert.Equal(MiB64Kb, box.Kb("Inactive(anon)") - before["Inactive(anon)"]);
        foreach (string l in new[] { "Active(file)", "Inactive(file)", "Dirty", "Buffers", "Slab" })
            Assert.Equal(before[l], box.Kb(l));
    }

    [Fact]   // kernel-spec §13.5: only clean, unmapped pages go; tmpfs pages have no disk to be cleaned to
    public void SyncThenDrop3_LeavesShmemAndItsCached()
    {
        var box = new PageCacheBox();
        box.Write("/dev/shm/seg", MiB64Kb * 1024);
        box.Sync();
        box.Drop("3");
        Assert.Equal(MiB64Kb, box.Kb("Shmem"));
        Assert.Equal(MiB64Kb, box.Kb("Cached"));
        Assert.Equal(16384, box.Machine.Fs.Lookup("/dev/shm/seg", out _)!.NrPages);
    }

    [Fact]
    public void Unlink_GivesEveryPageBack()
    {
        var box = new PageCacheBox();
        Inode f = Create(box, "/dev/shm/seg");
        long free0 = box.Kb("MemFree"), cached0 = box.Kb("Cached");
        box.Machine.FileIo.Write(f, 0, MiB64Kb * 1024);
        Assert.Equal(Errno.Ok, box.Machine.Fs.Unlink("/dev/shm/seg"));
        Assert.Equal(0, box.Kb("Shmem"));
        Assert.Equal(cached0, box.Kb("Cached"));
        Assert.True(box.Kb("MemFree") >= free0);   // + the shmem inode and dentry objects freed
    }

    [Fact]   // kernel-spec §13.1 rule 1: without swap anon (and shmem, on the anon LRU) is never scanned
    public void Reclaim_WithoutSwap_NeverTouchesShmem()
    {
        var box = new PageCacheBox(512L << 10);
        box.Write("/dev/shm/seg", MiB64Kb * 1024);
        box.Write("/data/big", 600L << 20);   // more than the box has: reclaim must free file pages
        box.Sync();
        Assert.True(box.Machine.VmEvents[VmEventItem.PgstealFile] > 0);
        Assert.Equal(0, box.Machine.VmEvents[VmEventItem.PgscanAnon]);
        Assert.Equal(MiB64Kb, box.Kb("Shmem"));
    }

    [Fact]   // kernel-spec §12: a page that goes to swap frees RAM and takes a slot (SwapFree -4 kB each)
    public void Reclaim_WithSwap_SwapsShmemOutAndReadBringsItBack()
    {
        var box = new PageCacheBox(256L << 10, swapKb: 256L << 10);
        Inode f = Create(box, "/dev/shm/seg");
        Assert.Equal(Errno.Ok, box.Machine.FileIo.Write(f, 0, 300L << 20).Error);   // more than RAM: must swap
        long pswpout = box.Machine.VmEvents[VmEventItem.Pswpout];
        Assert.True(pswpout > 0);
        Assert.Equal(f.SwapEntries.Count, pswpout);
        Assert.Equal(76800, f.NrPages + f.SwapEntries.Count);
        Assert.Equal(Units.K(f.NrPages), box.Kb("Shmem"));
        Assert.Equal(Units.K(f.SwapEntries.Count), box.Kb("SwapTotal") - box.Kb("SwapFree"));
        long swappedBack = f.SwapEntries.Keys.Count(i => i < 1024);
        long pswpin0 = box.Machine.VmEvents[VmEventItem.Pswpin];
        box.Machine.FileIo.Read(f, 0, 4L << 20);
        Assert.Equal(pswpin0 + swappedBack, box.Machine.VmEvents[VmEventItem.Pswpin]);
        Assert.All(Enumerable.Range(0, 1024), i => Assert.NotEqual(MemMap.NoPfn, f.PageAt(i)));
    }

    [Fact]
    public void Swapoff_BringsEveryTmpfsPageBack()
    {
        var box = new PageCacheBox(256L << 10, swapKb: 256L << 10);
        Inode f = Create(box, "/dev/shm/seg");
        box.Machine.FileIo.Write(f, 0, 200L << 20);
        box.Write("/dev/shm/pressure", 100L << 20);   // pushes part of seg out to swap
        Assert.True(f.SwapEntries.Count > 0);
        box.Machine.Fs.Unlink("/dev/shm/pressure");   // room to bring it back
        Assert.True(box.Machine.Swap.Swapoff(Machine.BootSwapDevice, box.Machine.AnonRmap));
        Assert.Empty(f.SwapEntries);
        Assert.Equal(51200, f.NrPages);
        Assert.Equal(204800, box.Kb("Shmem"));
    }

    [Fact]
    public void Unlink_OfASwappedFile_FreesItsSlots()
    {
        var box = new PageCacheBox(256L << 10, swapKb: 256L << 10);
        Inode f = Create(box, "/dev/shm/seg");
        box.Machine.FileIo.Write(f, 0, 300L << 20);
        Assert.True(box.Kb("SwapFree") < box.Kb("SwapTotal"));
        box.Machine.Fs.Unlink("/dev/shm/seg");
        Assert.Equal(box.Kb("SwapTotal"), box.Kb("SwapFree"));
        Assert.Equal(0, box.Kb("Shmem"));
    }
}
