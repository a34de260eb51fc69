// glibc arenas (kernel-spec §10, §17: the arena limit is 8 × cores): each thread arena reserves a
// 64 MiB-aligned 64 MiB heap (VmSize) made read-write as it grows; heap chunks are reused by size.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Malloc;

namespace MemQuest.Engine.Tests.Mm;

public sealed class GlibcMallocArenaTests
{
    [Fact]
    public void Malloc_TwentyThreadsOnTwoCpus_CreatesFifteenThreadArenasOf64MiB()
    {
        var box = new MmTestBox();
        Process p = box.Bare();
        var m = new GlibcMalloc();
        m.Malloc(box.Vm, p, 100);
        long size = MmTestBox.SizeKb(p), committed = box.CommittedKb;
        for (int t = 1; t <= 20; t++)
        {
            MallocResult r = m.Malloc(box.Vm, p, 1000, t);
            Assert.True(r.Address > 0);
        }
        Assert.Equal(16, m.Arenas.Count);
        Assert.Equal(15 * 65536, MmTestBox.SizeKb(p) - size);
        Assert.Equal(committed, box.CommittedKb);   // MAP_NORESERVE heaps are not charged in mode 0
        Assert.All(m.Arenas.Skip(1), a => Assert.Equal(0, a.HeapStart % (64L << 20)));
    }

    [Fact]
    public void Malloc_ArenaMaxOne_EveryThreadSharesTheMainHeap()
    {
        var box = new MmTestBox();
        Process p = box.Bare();
        var m = new GlibcMalloc { ArenaMax = 1 };
        for (int t = 0; t < 8; t++) m.Malloc(box.Vm, p, 1000, t);
        Assert.Single(m.Arenas);
    }

    [Fact]
    public void Free_ThenSameSize_ReusesTheChunkButNotForABiggerOne()
    {
        var box = new MmTestBox();
        Process p = box.Bare();
        var m = new GlibcMalloc();
        long a = m.Malloc(box.Vm, p, 4000).Address;
        m.Malloc(box.Vm, p, 16);   // keeps the freed chunk away from the top
        m.Free(box.Vm, p, a);
        Assert.Equal(a, m.Malloc(box.Vm, p, 4000).Address);
        m.Free(box.Vm, p, a);
        Assert.NotEqual(a, m.Malloc(box.Vm, p, 8000).Address);
    }

    [Fact]
    public void Mprotect_ThreadHeapInMode2_IsCharged()
    {
        var box = new MmTestBox(sysctls: ("overcommit_memory", "2"));
        Process p = box.Bare();
        var m = new GlibcMalloc();
        long committed = box.CommittedKb;
        m.Malloc(box.Vm, p, 1000, thread: 1);
        Assert.Equal(132, box.CommittedKb - committed);
    }
}
