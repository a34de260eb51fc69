// kernel-spec §19 facts 27-32 and the §5.2 geometry table for 1, 2, 4, 8, 16 and 64 CPUs.
using MemQuest.Engine.Slab.Layout;
using MemQuest.Engine.Slab;

namespace MemQuest.Engine.Tests.Slab;

public sealed class SlabGeometryTests
{
    [Theory] // kernel-spec §19 fact 27
    [InlineData(1, 8)]
    [InlineData(2, 12)]
    [InlineData(4, 16)]
    [InlineData(8, 20)]
    [InlineData(64, 32)]
    [InlineData(128, 36)]
    public void MinObjects_CpuCount_FollowsFls(int cpus, int minObjects) => Assert.Equal(minObjects, SlabGeometry.MinObjects(cpus));

    [Theory] // kernel-spec §5.2 table; facts 28-30
    [InlineData(8, 1, 512, 1)] [InlineData(8, 16, 512, 1)] [InlineData(96, 2, 42, 1)] [InlineData(96, 64, 42, 1)]
    [InlineData(192, 2, 21, 1)] [InlineData(192, 8, 21, 1)] [InlineData(192, 16, 42, 2)]
    [InlineData(256, 4, 16, 1)] [InlineData(256, 8, 32, 2)]
    [InlineData(512, 1, 8, 1)] [InlineData(512, 2, 16, 2)] [InlineData(512, 8, 32, 4)]
    [InlineData(1024, 1, 8, 2)] [InlineData(1024, 2, 16, 4)] [InlineData(1024, 4, 16, 4)] [InlineData(1024, 8, 32, 8)]
    [InlineData(2048, 1, 8, 4)] [InlineData(2048, 2, 16, 8)] [InlineData(2048, 64, 16, 8)]
    [InlineData(4096, 1, 8, 8)] [InlineData(4096, 64, 8, 8)] [InlineData(8192, 2, 4, 8)] [InlineData(8192, 64, 4, 8)]
    public void CalculateSizes_KmallocClass_MatchesGeometryTable(int size, int cpus, int objs, int pages)
    {
        SlabLayout l = SlabGeometry.CalculateSizes(new KmemCacheArgs("kmalloc-x", size, 0, SlabFlags.Kmalloc), cpus);
        Assert.Equal((objs, pages), (l.ObjPerSlab, l.PagesPerSlab));
    }

    [Theory] // kernel-spec §19 fact 31 (objects already aligned: no flags change the size)
    [InlineData(5888, 5, 8)]
    [InlineData(2368, 13, 8)]
    [InlineData(1600, 20, 8)]
    [InlineData(624, 13, 2)]
    public void CalculateOrder_NamedCacheSize_TwoCpus(int size, int objs, int pages)
    {
        SlabLayout l = SlabGeometry.CalculateSizes(new KmemCacheArgs("c", size, 0, SlabFlags.None), 2);
        Assert.Equal((objs, pages), (l.ObjPerSlab, l.PagesPerSlab));
    }

    [Theory] // kernel-spec §19 fact 32
    [InlineData(8, 5, 120)]
    [InlineData(64, 5, 120)]
    [InlineData(256, 5, 52)]
    [InlineData(1024, 5, 24)]
    [InlineData(4096, 6, 6)]
    [InlineData(5888, 6, 6)]
    [InlineData(8192, 6, 6)]
    public void MinPartialAndCpuPartial_Size_FollowSlub(int size, int minPartial, int cpuPartial) =>
        Assert.Equal((minPartial, cpuPartial), (SlabGeometry.MinPartial(size), SlabGeometry.CpuPartial(size)));

    [Theory] // kernel-spec §5.1: free pointer placement and alignment
    [InlineData(5840, 64, SlabFlags.None, 5888)]
    [InlineData(616, 0, SlabFlags.Ctor, 624)]
    [InlineData(184, 0, SlabFlags.HwcacheAlign | SlabFlags.TypesafeByRcu, 192)]
    [InlineData(120, 0, SlabFlags.HwcacheAlign | SlabFlags.TypesafeByRcu, 128)]
    [InlineData(192, 0, SlabFlags.HwcacheAlign | SlabFlags.TypesafeByRcu | SlabFlags.FreeptrOffset, 192)]
    [InlineData(72, 0, SlabFlags.HwcacheAlign, 128)]
    [InlineData(96, 0, SlabFlags.Kmalloc, 96)]
    public void CalculateSizes_FlagsAndAlign_GiveSlabSize(int objectSize, int align, SlabFlags flags, int size) =>
        Assert.Equal(size, SlabGeometry.CalculateSizes(new KmemCacheArgs("c", objectSize, align, flags), 2).SizeBytes);

    [Theory] // kernel-spec §5.1: kmalloc alignment = largest power of two dividing the size
    [InlineData(96, 32)]
    [InlineData(192, 64)]
    [InlineData(1024, 1024)]
    [InlineData(8, 8)]
    public void CalculateAlignment_KmallocCache_IsLowestSetBit(int size, int align) =>
        Assert.Equal(align, SlabGeometry.CalculateSizes(new KmemCacheArgs("k", size, 0, SlabFlags.Kmalloc), 2).AlignBytes);

    [Theory] // geometry for other CPU counts (§17): every boot cache still obeys the slabinfo identities
    [InlineData(1, 8)]
    [InlineData(4, 16)]
    [InlineData(8, 32)]
    [InlineData(64, 32)]
    public void BootCaches_OtherCpuCounts_KeepObjPerSlabIdentity(int cpus, int kmalloc1kObjs)
    {
        var m = Machine.Boot(new MachineSpec(1L << 20, cpus), 3);
        foreach (KmemCache c in m.Slab.Caches)
        {
            Assert.Equal((int)((4096L << c.Layout.Order) / c.SizeBytes), c.Layout.ObjPerSlab);
            Assert.True(c.Layout.ObjPerSlab >= Math.Min(SlabGeometry.MinObjects(cpus), Math.Max(1, 32768 / c.SizeBytes)) || c.Layout.Order == 3 || c.SizeBytes > 32768,
                $"{c.Name}: {c.Layout.ObjPerSlab} objects per slab with {cpus} CPUs");
        }
        Assert.Equal(kmalloc1kObjs, m.Slab.Find("kmalloc-1k")!.Layout.ObjPerSlab);
    }
}
