// What boot leaves in the slab allocator (kernel-spec §5.3-§5.4): real buddy pages behind every
// slab, Slab = SReclaimable + SUnreclaim equal to the caches' pages, counts that grow with RAM,
// and a deterministic state (same seed, same digest).
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Procfs;
using MemQuest.Engine.Slab;

namespace MemQuest.Engine.Tests.Slab;

public sealed class SlabBootTests
{
    [Fact]
    public void Boot_SlabPages_ComeFromBuddyAndMatchMeminfo()
    {
        Machine m = Machine.Boot(new MachineSpec(1L << 20, 2), 9);
        long cachePages = m.Slab.Caches.Sum(c => c.Pages);
        Meminfo.Values v = Meminfo.Compute(m);
        Assert.Equal(cachePages + m.Slab.LargeKmallocPages, (v["SReclaimable"] + v["SUnreclaim"]) / 4);
        Assert.Equal(v["Slab"], v["SReclaimable"] + v["SUnreclaim"]);
        Assert.Equal(m.Slab.Caches.Where(c => c.IsReclaimable).Sum(c => c.Pages), m.Node.Stat[(int)NodeStatItem.NrSlabReclaimable]);
        Assert.True(v["MemFree"] <= v["MemTotal"] - v["Slab"] - v["VmallocUsed"]);
        Assert.True(v["SReclaimable"] > 0 && v["SUnreclaim"] > 0);
    }

    [Fact]
    public void Boot_MoreRam_MoreSlab()
    {
        long small = Meminfo.Compute(Machine.Boot(new MachineSpec(1L << 20, 2), 9))["Slab"];
        long large = Meminfo.Compute(Machine.Boot(new MachineSpec(8L << 20, 2), 9))["Slab"];
        Assert.True(large > small, $"8 GiB box has {large} kB of slab, 1 GiB box {small} kB");
    }

    [Fact]
    public void Boot_SameSeed_SameDigestAndSlabinfo()
    {
        Machine a = Machine.Boot(new MachineSpec(1L << 20, 2), 42), b = Machine.Boot(new MachineSpec(1L << 20, 2), 42);
        Assert.Equal(a.Digest(), b.Digest());
        Assert.Equal(Slabinfo.Render(a.Slab), Slabinfo.Render(b.Slab));
        a.Slab.Kfree(a.Slab.Kmalloc(100, GfpFlags.GfpKernel));
        a.Slab.Kmalloc(100, GfpFlags.GfpKernel);
        Assert.NotEqual(a.Digest(), b.Digest());
    }

    [Fact]
    public void Boot_ChurnedCaches_HavePartialSlabsWithFreeObjects()
    {
        Machine m = Machine.Boot(new MachineSpec(1L << 20, 2), 9);
        KmemCache c = m.Slab.Find("kmalloc-32")!;
        Assert.True(c.ActiveObjs < c.NumObjs, "boot churn leaves free objects on node-partial slabs");
        Assert.True(c.NrPartial > 0);
        Assert.Equal(m.Slab.Caches.Count, m.Slab.Find("kmem_cache")!.InuseObjs);
    }
}
