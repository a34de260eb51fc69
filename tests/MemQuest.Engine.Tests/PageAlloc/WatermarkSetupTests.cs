using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Tests.PageAlloc;

public sealed class WatermarkSetupTests
{
    private static readonly long[] OracleManaged = [3840, 772915, 131072, 0, 0];

    [Theory] // kernel-spec §19 fact 8 (lowmem in pages → min_free_kbytes), and §3.1's examples
    [InlineData(262144L, 4096L)]          // 1 GiB
    [InlineData(1048576L, 8192L)]         // 4 GiB
    [InlineData(4194304L, 16384L)]        // 16 GiB
    [InlineData(6291456L, 20066L)]        // 24 GiB
    [InlineData(4096L, 512L)]             // 16 MiB
    [InlineData(16777216L, 32768L)]       // 64 GiB
    [InlineData(268435456L, 131072L)]     // 1 TiB
    [InlineData(2147483648L, 262144L)]    // 8 TiB, clamped
    [InlineData(16L, 128L)]               // clamped below
    public void CalculateMinFreeKbytes_Fact8(long lowmemPages, long expectedKb) =>
        Assert.Equal(expectedKb, WatermarkSetup.CalculateMinFreeKbytes(lowmemPages));

    [Fact] // kernel-spec §19 fact 9: three populated zones up to Normal → 67584 kB
    public void RecommendedMinFreeKbytes_ThreeZones_Is67584()
    {
        PgData node = TestWorlds.NodeWithManaged(OracleManaged);
        Assert.Equal(67584, WatermarkSetup.RecommendedMinFreeKbytes(node, 20066));
    }

    [Fact] // kernel-spec §19 fact 9: two zones → 45056 kB
    public void RecommendedMinFreeKbytes_TwoZones_Is45056()
    {
        PgData node = TestWorlds.NodeWithManaged(3840, 772915);
        Assert.Equal(45056, WatermarkSetup.RecommendedMinFreeKbytes(node, 8192));
    }

    [Fact] // kernel-spec §3.1: the raise is capped at 5 % of lowmem, and never lowers the value
    public void RecommendedMinFreeKbytes_SmallBox_CappedAtFivePercent()
    {
        PgData node = TestWorlds.NodeWithManaged(3840, 20000);
        Assert.Equal((3840 + 20000) / 20 * 4, WatermarkSetup.RecommendedMinFreeKbytes(node, 128));
        Assert.Equal(999999, WatermarkSetup.RecommendedMinFreeKbytes(node, 999999));
    }

    [Fact] // kernel-spec §19 facts 10, 12, 13
    public void SetupPerZoneWmarks_OracleZones_Fact10()
    {
        PgData node = TestWorlds.NodeWithManaged(OracleManaged);
        WatermarkSetup.SetupPerZoneWmarks(node, 67584, 10);
        long[][] expected = [[71, 88, 105, 122], [14385, 17981, 21577, 25173], [2439, 3048, 3657, 4266], [32, 32, 32, 32], [0, 0, 0, 0]];
        for (int i = 0; i < 5; i++)
        {
            Watermarks w = node.Zones[i].Watermarks;
            Assert.Equal(expected[i], new[] { w.Min, w.Low, w.High, w.Promo });
        }
    }

    [Fact] // kernel-spec §19 fact 11
    public void SetupPerZoneWmarks_SingleZone262144_Fact11()
    {
        PgData node = TestWorlds.NodeWithManaged(0, 0, 262144);
        WatermarkSetup.SetupPerZoneWmarks(node, 4096, 10);
        Watermarks w = node.Zones[2].Watermarks;
        Assert.Equal((1024, 1286, 1548), (w.Min, w.Low, w.High));
    }

    [Fact] // kernel-spec §3.2 sim example with the THP raise
    public void SetupPerZoneWmarks_SingleZoneWithThpRaise()
    {
        PgData node = TestWorlds.NodeWithManaged(0, 0, 262144);
        WatermarkSetup.SetupPerZoneWmarks(node, 22528, 10);
        Watermarks w = node.Zones[2].Watermarks;
        Assert.Equal((5632, 7040, 8448), (w.Min, w.Low, w.High));
    }

    [Fact] // kernel-spec §19 fact 14
    public void SetupLowmemReserve_OracleZones_Fact14()
    {
        PgData node = TestWorlds.NodeWithManaged(OracleManaged);
        WatermarkSetup.SetupLowmemReserve(node, SysctlCatalog.DefaultLowmemReserveRatio);
        Assert.Equal(new long[] { 0, 3019, 3531, 3531, 3531 }, node.Zones[0].LowmemReserve);
        Assert.Equal(new long[] { 0, 0, 512, 512, 512 }, node.Zones[1].LowmemReserve);
        Assert.Equal(new long[] { 0, 0, 0, 0, 0 }, node.Zones[2].LowmemReserve);
    }

    [Fact] // kernel-spec §19 fact 15
    public void CalculateTotalreservePages_OracleZones_Fact15()
    {
        PgData node = TestWorlds.NodeWithManaged(OracleManaged);
        WatermarkSetup.SetupLowmemReserve(node, SysctlCatalog.DefaultLowmemReserveRatio);
        WatermarkSetup.SetupPerZoneWmarks(node, 67584, 10);
        Assert.Equal(29382, WatermarkSetup.CalculateTotalreservePages(node));
    }

    [Theory] // kernel-spec §19 fact 16
    [InlineData(101, true)]
    [InlineData(100, false)]
    public void ZoneWatermarkOk_Fact16(long free, bool ok)
    {
        Zone z = TestWorlds.SingleZone(1024);
        Assert.Equal(ok, PageAllocator.ZoneWatermarkOk(z, 0, 100, ZoneType.Normal, AllocFlags.WmarkMin, free));
    }

    [Theory] // kernel-spec §19 fact 17: GFP_ATOMIC → effective min 38; __GFP_HIGH only → 50
    [InlineData(AllocFlags.MinReserve | AllocFlags.NonBlock, 38)]
    [InlineData(AllocFlags.MinReserve, 50)]
    [InlineData(AllocFlags.WmarkMin, 100)]
    public void ZoneWatermarkOk_ReserveFlags_Fact17(AllocFlags flags, long effectiveMin)
    {
        Zone z = TestWorlds.SingleZone(1024);
        Assert.True(PageAllocator.ZoneWatermarkOk(z, 0, 100, ZoneType.Normal, flags, effectiveMin + 1));
        Assert.False(PageAllocator.ZoneWatermarkOk(z, 0, 100, ZoneType.Normal, flags, effectiveMin));
    }

    [Fact] // kernel-spec §3.4: a high-order check needs a free block of that order, whatever the free count
    public void ZoneWatermarkOk_Order3WithoutOrder3Block_Fails()
    {
        Zone z = TestWorlds.SingleZone(1024, populate: false);
        for (int pfn = 0; pfn < 1024; pfn += 2) BuddyAllocator.FreeOnePage(z, pfn, 0);
        Assert.True(PageAllocator.ZoneWatermarkOk(z, 0, 100, ZoneType.Normal, AllocFlags.WmarkMin, z.NrFreePages));
        Assert.False(PageAllocator.ZoneWatermarkOk(z, 3, 100, ZoneType.Normal, AllocFlags.WmarkMin, z.NrFreePages));
    }
}
