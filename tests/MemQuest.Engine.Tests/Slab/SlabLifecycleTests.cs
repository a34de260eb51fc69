// kernel-spec §5.3 lifecycle and property tests (CsCheck): kmalloc/kfree sequences keep the
// slabinfo counters consistent, and freeing everything returns every page beyond min_partial.
using MemQuest.Engine.Slab.Layout;
using CsCheck;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Slab;

namespace MemQuest.Engine.Tests.Slab;

public sealed class SlabLifecycleTests
{
    private static Machine Boot() => Machine.Boot(new MachineSpec(1L << 20, 2), 11);

    private static KmemCache FreshCache(Machine m, int objectSize, SlabFlags flags = SlabFlags.NoMerge) =>
        m.Slab.KmemCacheCreate(new KmemCacheArgs("test_cache_" + objectSize + "_" + (int)flags, objectSize, 0, flags));

    private static void AssertCountsConsistent(KmemCache c)
    {
        Assert.True(c.ActiveObjs >= c.InuseObjs, $"{c.Name}: active {c.ActiveObjs} < in use {c.InuseObjs}");
        Assert.True(c.ActiveObjs <= c.NumObjs);
        Assert.Equal(c.NumSlabs * (1L << c.Layout.Order), c.Pages);
        long partialFree = c.NodePartialSlabs().Sum(s => (long)s.FreeCount);
        Assert.Equal(c.NumObjs - partialFree, c.ActiveObjs);
        Assert.Equal(c.NrPartial, c.NodePartialSlabs().Count());
    }

    [Fact]
    public void KmemCacheAlloc_FirstObject_TakesOneSlabFromBuddy()
    {
        Machine m = Boot();
        KmemCache c = FreshCache(m, 1024);
        long free = m.Node.NrFreePages, unreclaim = m.Slab.SlabUnreclaimablePages;
        m.Slab.KmemCacheAlloc(c, GfpFlags.GfpKernel);
        Assert.Equal((1, 16, 16), (c.NumSlabs, c.NumObjs, c.ActiveObjs));
        Assert.Equal(free - 4, m.Node.NrFreePages);
        Assert.Equal(unreclaim + 4, m.Slab.SlabUnreclaimablePages);
    }

    [Fact] // kernel-spec §5.2: under pressure a new slab uses the fallback order get_order(size)
    public void NewSlab_NoOrder2Block_FallsBackToOrder0WithFewerObjects()
    {
        Machine m = Boot();
        KmemCache c = FreshCache(m, 1024);
        var held = new List<long>();
        long pfn;
        while ((pfn = m.PageAlloc.AllocPages(0, GfpFlags.GfpAtomic)) >= 0) held.Add(pfn);
        foreach (long p in held.Where(p => p % 2 == 0)) m.PageAlloc.FreePages(p, 0);
        while (m.PageAlloc.AllocPages(2, GfpFlags.GfpAtomic) >= 0) { }
        m.Slab.KmemCacheAlloc(c, GfpFlags.GfpKernel);
        Assert.Equal((1L, 4L), (c.NumSlabs, c.NumObjs));
        Assert.Equal((16, 4), (c.Layout.ObjPerSlab, c.Layout.PagesPerSlab));
        Assert.Equal(0, m.Slab.Resolve(m.Slab.KmemCacheAlloc(c, GfpFlags.GfpKernel)).Slab.Order);
    }

    [Fact]
    public void ReclaimAccountCache_NewSlab_CountsInSReclaimable()
    {
        Machine m = Boot();
        KmemCache c = FreshCache(m, 192, SlabFlags.NoMerge | SlabFlags.ReclaimAccount);
        long before = m.Slab.SlabReclaimablePages;
        m.Slab.KmemCacheAlloc(c, GfpFlags.GfpKernel);
        Assert.Equal(before + 1, m.Slab.SlabReclaimablePages);
    }

    [Fact]
    public void KmemCacheFree_DoubleFree_IsRefused()
    {
        Machine m = Boot();
        KmemCache c = FreshCache(m, 64);
        long a = m.Slab.KmemCacheAlloc(c, GfpFlags.GfpKernel);
        m.Slab.KmemCacheFree(c, a);
        Assert.Throws<InvalidOperationException>(() => m.Slab.KmemCacheFree(c, a));
    }

    [Fact]
    public void KmemCacheShrink_AllFreed_ReturnsEveryPage()
    {
        Machine m = Boot();
        KmemCache c = FreshCache(m, 512);
        long free = m.Node.NrFreePages;
        var objs = Enumerable.Range(0, 1000).Select(_ => m.Slab.KmemCacheAlloc(c, GfpFlags.GfpKernel)).ToList();
        foreach (long o in objs) m.Slab.KmemCacheFree(c, o);
        Assert.True(c.NumSlabs <= c.Layout.MinPartial + c.Layout.CpuPartialSlabs + 1, $"{c.NumSlabs} slabs kept");
        m.Slab.KmemCacheShrink(c);
        Assert.Equal((0, 0L), (c.NumSlabs, c.NumObjs));
        Assert.Equal(free, m.Node.NrFreePages);
    }

    [Fact]
    public void PropertyKmallocKfree_RandomSequences_KeepCountsAndReturnEveryPage()
    {
        Gen.Select(Gen.Int[1, 8192].Array[1, 300], Gen.Int[0, 1000].Array[1, 300]).Sample((sizes, picks) =>
        {
            Machine m = Boot();
            var caches = m.Slab.Caches.Where(c => c.Name.StartsWith("kmalloc-cg-", StringComparison.Ordinal)).ToList();
            foreach (KmemCache c in caches) m.Slab.KmemCacheShrink(c);
            long free = m.Node.NrFreePages;
            long[] inuse = [.. caches.Select(c => c.InuseObjs)];
            var live = new List<long>();
            for (int i = 0; i < sizes.Length; i++)
            {
                live.Add(m.Slab.Kmalloc(sizes[i], GfpFlags.GfpKernelAccount));
                int pick = picks[i % picks.Length];
                if (pick % 3 == 0)
                {
                    m.Slab.Kfree(live[pick % live.Count]);
                    live.RemoveAt(pick % live.Count);
                }
                foreach (KmemCache c in caches) AssertCountsConsistent(c);
            }
            foreach (long a in live) m.Slab.Kfree(a);
            foreach (KmemCache c in caches) m.Slab.KmemCacheShrink(c);
            Assert.Equal(inuse, caches.Select(c => c.InuseObjs));
            Assert.Equal(free, m.Node.NrFreePages);
        }, iter: 30);
    }
}
