// kernel-spec §19 facts 21-26 (kmalloc size classes, ZERO_SIZE_PTR, large kmalloc) and 33 (the
// slabinfo row format), on a booted box.
using MemQuest.Engine;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Procfs;
using MemQuest.Engine.Slab;
using MemQuest.Engine.Slab.Layout;

namespace MemQuest.Engine.Tests.Slab;

public sealed class KmallocFactsTests
{
    private static Machine Boot() => Machine.Boot(new MachineSpec(1L << 20, 2), 7);

    [Fact] // kernel-spec §19 fact 21
    public void Kmalloc_ZeroBytes_ReturnsZeroSizePtrAndAllocatesNothing()
    {
        Machine m = Boot();
        string before = m.Digest();
        Assert.Equal(16, m.Slab.Kmalloc(0, GfpFlags.GfpKernel));
        Assert.Equal(before, m.Digest());
    }

    [Theory] // kernel-spec §19 facts 22-25
    [InlineData(1, "kmalloc-8")]
    [InlineData(9, "kmalloc-16")]
    [InlineData(24, "kmalloc-32")]
    [InlineData(65, "kmalloc-96")]
    [InlineData(96, "kmalloc-96")]
    [InlineData(97, "kmalloc-128")]
    [InlineData(100, "kmalloc-128")]
    [InlineData(129, "kmalloc-192")]
    [InlineData(193, "kmalloc-256")]
    [InlineData(4097, "kmalloc-8k")]
    [InlineData(8192, "kmalloc-8k")]
    public void KmallocIndex_RequestSize_PicksSizeClass(int bytes, string cache)
    {
        Assert.Equal(cache, Kmalloc.CacheNameFor(bytes));
        Machine m = Boot();
        long address = m.Slab.Kmalloc(bytes, GfpFlags.GfpKernel);
        Assert.Equal(cache, m.Slab.Resolve(address).Slab.Cache.Name);
    }

    [Theory]
    [InlineData(GfpFlags.GfpKernelAccount, "kmalloc-cg-1k")]
    [InlineData(GfpFlags.GfpKernel | GfpFlags.Reclaimable, "kmalloc-rcl-1k")]
    [InlineData(GfpFlags.GfpKernel | GfpFlags.Dma | GfpFlags.Reclaimable, "dma-kmalloc-1k")]
    public void KmallocType_GfpFlags_PicksVariantCache(GfpFlags gfp, string cache)
    {
        Machine m = Boot();
        Assert.Equal(cache, m.Slab.Resolve(m.Slab.Kmalloc(1000, gfp)).Slab.Cache.Name);
    }

    [Fact] // kernel-spec §19 fact 26
    public void Kmalloc_8193Bytes_TakesOrder2FromPageAllocatorCountedInSUnreclaim()
    {
        Machine m = Boot();
        long before = m.Slab.SlabUnreclaimablePages, free = m.Node.NrFreePages;
        long address = m.Slab.Kmalloc(8193, GfpFlags.GfpKernel);
        Assert.Equal(2, m.Slab.LargeKmallocOrder(address));
        Assert.Equal(before + 4, m.Slab.SlabUnreclaimablePages);
        Assert.Equal(free - 4, m.Node.NrFreePages);
        Assert.Equal(before + 4, Meminfo.Compute(m)["SUnreclaim"] / 4);
        m.Slab.Kfree(address);
        Assert.Equal(before, m.Slab.SlabUnreclaimablePages);
        Assert.Equal(free, m.Node.NrFreePages);
    }

    [Theory] // kernel-spec §19 fact 26 and §6.3
    [InlineData(65536, 4)]
    [InlineData(100000, 5)]
    [InlineData(4L << 20, 10)]
    public void Kmalloc_LargeSize_UsesGetOrder(long bytes, int order)
    {
        Machine m = Boot();
        Assert.Equal(order, m.Slab.LargeKmallocOrder(m.Slab.Kmalloc(bytes, GfpFlags.GfpKernel)));
    }

    [Fact] // kernel-spec §19 fact 26
    public void Kmalloc_AboveKmallocMaxSize_ReturnsNull()
    {
        Machine m = Boot();
        Assert.Equal(-1, m.Slab.Kmalloc((4L << 20) + 1, GfpFlags.GfpKernel));
    }

    [Fact] // the fragmentation lesson (§6.3): plenty free, no block of the order
    public void KmallocLarge_FragmentedMemory_FailsWithFreePagesLeft()
    {
        Machine m = Boot();
        var held = new List<long>();
        long pfn;
        while ((pfn = m.PageAlloc.AllocPages(0, GfpFlags.GfpAtomic)) >= 0) held.Add(pfn);
        foreach (long p in held.Where(p => p % 2 == 0)) m.PageAlloc.FreePages(p, 0);
        int served = 0;
        while (m.Slab.Kmalloc(65536, GfpFlags.GfpKernel) != -1) served++;   // the few contiguous blocks left
        Assert.True(served * 16L < 10_000, $"{served} order-4 blocks in a box with every other page held");
        Assert.True(m.Node.NrFreePages > 100_000, "half the box is still free");
        Assert.Contains("fragmented", m.Slab.LargeFailureReason(4, GfpFlags.GfpKernel));
    }

    [Fact] // kernel-spec §19 fact 33
    public void SlabinfoRow_Kmalloc1kWith710Of736Active_MatchesKernelRow()
    {
        Machine m = Boot();
        var slab = new SlabAllocator(m.Node, m.PageAlloc, m.Events, 2);
        KmemCache c = slab.KmemCacheCreate(new KmemCacheArgs("kmalloc-1k", 1024, 0, SlabFlags.Kmalloc | SlabFlags.NoMerge));
        long[] objs = [.. Enumerable.Range(0, 736).Select(_ => slab.KmemCacheAlloc(c, GfpFlags.GfpKernel))];
        for (int i = 0; i < 26; i++) slab.KmemCacheFree(c, objs[i * 16]);   // one object from each of 26 slabs
        slab.KmemCacheShrink(c);                                              // flush: those slabs go to the node partial list
        Assert.Equal("kmalloc-1k           710    736   1024   16    4 : tunables    0    0    0 : slabdata     46     46      0\n", Slabinfo.Row(c));
    }
}
