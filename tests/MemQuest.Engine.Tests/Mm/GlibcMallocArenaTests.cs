// glibc arenas (kernel-spec §10, §17: the arena limit is 8 × cores): each thread arena reserves a
// 64 MiB-aligned 64 MiB heap (VmSize) made read-write as it grows; heap chunks are reused by size.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Malloc;

namespace MemQuest.Engine.Tests.Mm;

public sealed class GlibcMallocArenaTests
{
    [Fact]   // kernel-spec §10: free of the top chunk trims the heap by brk once it exceeds M_TRIM_THRESHOLD, keeping M_TOP_PAD
    public void Free_HeapChunksBackIntoTheTop_TrimsTheHeapKeepingTopPad()
    {
        var box = new MmTestBox();
        Process p = box.Bare();
        var m = new GlibcMalloc();
        m.Malloc(box.Vm, p, 16);
        var chunks = new List<long>();
        for (int i = 0; i < 4; i++) chunks.Add(m.Malloc(box.Vm, p, 100 * 1024).Address);   // below the mmap threshold: heap
        long brk = p.Mm!.Space.Brk, size = MmTestBox.SizeKb(p);
        Assert.True(brk - m.HeapStart > 400 * 1024);
        MallocResult last = default;
        for (int i = chunks.Count - 1; i >= 0; i--) last = m.Free(box.Vm, p, chunks[i]);
        Assert.True(last.TrimmedBytes > 0);
        Assert.Equal(brk - p.Mm.Space.Brk, (MmTestBox.SizeKb(p) - size) * -1024);    // VmSize gives back what brk did
        // systrim: extra = ALIGN_DOWN(top - M_TOP_PAD - MINSIZE - 1, page), so the top keeps pad + MINSIZE + 1 .. + 4096
        Assert.InRange(m.TopBytes, GlibcMalloc.TopPad + GlibcMalloc.MinSize + 1, GlibcMalloc.TopPad + GlibcMalloc.MinSize + 4096);
    }

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
