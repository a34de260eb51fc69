// get_scan_count, calculate_pressure_balance and inactive_is_low against kernel-spec §13.1-§13.2
// and §11 (facts 68-72).
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Tests.Filemap;

namespace MemQuest.Engine.Tests.Reclaim;

public sealed class GetScanCountTests
{
    [Theory]   // kernel-spec §19 fact 69 (costs 0) and fact 70 (anon 100, file 300)
    [InlineData(0, 0, 60, 60, 140)]
    [InlineData(0, 0, 100, 100, 100)]
    [InlineData(0, 0, 0, 0, 200)]
    [InlineData(100, 300, 60, 143, 239)]
    public void PressureBalance_CostsAndSwappiness_GiveKernelFractions(long anonCost, long fileCost, long swappiness, long ap, long fp)
        => Assert.Equal((ap, fp), GetScanCount.PressureBalance(anonCost, fileCost, swappiness));

    [Theory]   // kernel-spec §19 fact 72
    [InlineData(4L << 18, 6)]
    [InlineData((1L << 18) - 1, 1)]
    [InlineData(1L << 18, 3)]
    [InlineData(0, 1)]
    public void InactiveRatio_LruSize_IsIntSqrtOfTenGb(long pages, long ratio)
        => Assert.Equal(ratio, Lruvec.InactiveRatio(pages));

    [Fact]   // kernel-spec §19 fact 71: 1,000,000 pages at priority 12 → 244
    public void Compute_MillionPagesAtPriority12_Scans244()
    {
        var box = new PageCacheBox(8L * 1024 * 1024);
        // Create the file first: its new inode's inode-table block (a Buffers page boot read once) is
        // accessed a second time and activated, so count the inactive list only after that.
        box.Write("/data/f", 0);
        long bootInactive = box.Machine.Lru.Count(LruList.InactiveFile);   // the C library, cached at boot, and Buffers
        box.Write("/data/f", (1_000_000L - bootInactive) * 4096);
        box.Sync();
        long inactive = box.Machine.Lru.Count(LruList.InactiveFile);
        Assert.Equal(1_000_000, inactive);
        var sc = new ScanControl { Priority = 12, NrToReclaim = 32 };
        GetScanCount.PrepareScanControl(sc, box.Machine.Lru, box.Machine.Node);
        var (nr, balance) = GetScanCount.Compute(sc, box.Machine.Lru, 60, canReclaimAnon: false);
        Assert.Equal(ScanBalance.File, balance);
        Assert.Equal(244, nr[(int)LruList.InactiveFile]);
    }

    [Theory]   // kernel-spec §13.1 step 2: memcg reclaim with swappiness 0 → file only, even at priority 0
    [InlineData(true, 0, ScanBalance.File)]
    [InlineData(false, 0, ScanBalance.Fract)]
    [InlineData(true, 60, ScanBalance.Equal)]
    public void Compute_MemcgReclaimSwappinessZero_FileOnly(bool cgroupReclaim, long swappiness, ScanBalance expected)
    {
        var lru = new Lruvec(Engine.PageAlloc.ZoneLayout.SingleZone(1024, new Engine.Events.KernelEventLog()));
        var sc = new ScanControl { Priority = cgroupReclaim && swappiness != 0 ? 0 : 1, CgroupReclaim = cgroupReclaim };
        Assert.Equal(expected, GetScanCount.Compute(sc, lru, swappiness, canReclaimAnon: true).Balance);
    }

    [Theory]   // kernel-spec §19 fact 68: no swap → anon scan 0 regardless of swappiness
    [InlineData(0)]
    [InlineData(60)]
    [InlineData(200)]
    public void Compute_NoSwap_ScansNoAnon(long swappiness)
    {
        var lru = new Lruvec(Engine.PageAlloc.ZoneLayout.SingleZone(1024, new Engine.Events.KernelEventLog()));
        var sc = new ScanControl { Priority = 0 };
        var (nr, balance) = GetScanCount.Compute(sc, lru, swappiness, canReclaimAnon: false);
        Assert.Equal(ScanBalance.File, balance);
        Assert.Equal(0, nr[(int)LruList.InactiveAnon] + nr[(int)LruList.ActiveAnon]);
    }
}
