// The exec image of a minimal C program (the oracle's oom-score.json case "idle adj=0": VmSize 2476 kB,
// RssAnon 100 kB, RssFile 1348 kB, VmData 224 kB, VmPTE 44 kB) and issue 5's "its file pages (the C
// library) are already in the page cache".
using MemQuest.Engine.Filemap;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Procfs;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Tests.Mm;

public sealed class MinimalProgramTests
{
    [Fact]
    public void Spawn_IdleProgram_HasTheOracleIdleFootprint()
    {
        var box = new MmTestBox();
        var p = box.Spawn();
        Assert.Equal(2476, MmTestBox.SizeKb(p));
        Assert.Equal(100, MmTestBox.AnonKb(p));
        Assert.Equal(1348, MmTestBox.FileKb(p));
        Assert.Equal(224, MmTestBox.DataKb(p));
        Assert.Equal(44, MmTestBox.PteKb(p));
        Assert.Equal(33, p.Mm!.StackVmPages);
    }

    private static Inode File(MmTestBox box, string path) => box.Machine.Fs.Lookup(path, out _)!;

    [Fact]
    public void Boot_CLibrary_IsInThePageCacheAndCountsAsCached()
    {
        var box = new MmTestBox();
        long libc = File(box, MinimalProgram.Libc).NrPages, ld = File(box, MinimalProgram.Ld).NrPages;
        // every libc page the idle program maps (38 + 214 + 32 read, 4 + 2 copied by its relro/data writes)
        Assert.Equal(290, libc);
        Assert.Equal(53, ld);                                  // ld.so: 1 + 38 + 10 read, 2 + 2 copied
        var mi = Meminfo.Compute(box.Machine);
        Assert.Equal(Units.K(libc + ld), mi["Cached"]);        // nothing else is cached at boot but Buffers
        Assert.Equal(0, box.Machine.VmEvents[VmEventItem.Pgmajfault]);
    }

    [Fact]
    public void Spawn_AfterBoot_TakesNoMajorFaultOnTheCLibrary()
    {
        var box = new MmTestBox();
        long libc = File(box, MinimalProgram.Libc).NrPages, ld = File(box, MinimalProgram.Ld).NrPages;
        long majBefore = box.Machine.VmEvents[VmEventItem.Pgmajfault];
        var p = box.Spawn("oomchild");
        Assert.Equal(libc, File(box, MinimalProgram.Libc).NrPages);
        Assert.Equal(ld, File(box, MinimalProgram.Ld).NrPages);
        // only the program's own binary is read from disk: pages 0-2 mapped, 3 copied by the data write
        Assert.Equal(4, File(box, "/usr/local/bin/oomchild").NrPages);
        Assert.Equal(4, box.Machine.VmEvents[VmEventItem.Pgmajfault] - majBefore);
        Assert.Equal(1348, MmTestBox.FileKb(p));
    }
}
