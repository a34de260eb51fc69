// Reclaim (kernel-spec §13): the anon/file split of a pass follows get_scan_count with swappiness
// (§13.1-§13.2), anon is never scanned without swap, kswapd wakes below low and sleeps at high
// (§3.6), and every pass leaves a receipt.
using MemQuest.Engine.Events.Reclaim;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Tests.Filemap;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Tests.Reclaim;

public sealed class ReclaimTests
{
    internal static Process SpawnAnon(Machine m, long bytes)
    {
        LabOutcome o = LabProgram.Spawn(m.Mm, "anon", 1, m.Tick, new LabProgramSpec(MapBytes: bytes, TouchBytes: bytes));
        Assert.Equal(LabFailure.None, o.Failure);
        return o.Process!;
    }

    /// <summary>A box with 64 MiB of inactive anon and 64 MiB of active file pages (read twice), so that
    /// neither "cache trim" nor "file is tiny" applies and the pass is SCAN_FRACT.</summary>
    private static PageCacheBox FractBox(long swappiness)
    {
        var box = new PageCacheBox(1L << 20, swapKb: 512L << 10, (SysctlCatalog.Swappiness, swappiness.ToString()));
        SpawnAnon(box.Machine, 64L << 20);
        box.Write("/data/hot", 64L << 20);
        box.Sync();
        box.Read("/data/hot");
        return box;
    }

    [Theory]   // kernel-spec §13.1-§13.2, §19 fact 69: the anon share is swappiness/200 with costs 0
    [InlineData(0)]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(200)]
    public void ShrinkNode_SwapAndSwappiness_SplitsScanTargetsByPressureBalance(long swappiness)
    {
        var box = FractBox(swappiness);
        Machine m = box.Machine;
        Assert.Equal(0, m.Lru.AnonCost + m.Lru.FileCost);
        long anon = m.Lru.Count(LruList.InactiveAnon), file = m.Lru.Count(LruList.ActiveFile);
        using var listen = m.Events.Listen();
        long mark = m.Events.Written;
        m.Vmscan.ShrinkNode(new ScanControl { Priority = 12, NrToReclaim = 32, IsKswapd = true });
        var r = Assert.IsType<ReclaimScanned>(m.Events.Since(mark).Single(e => e is ReclaimScanned));
        Assert.Equal((anon >> 12) * swappiness / 200, r.ScanInactiveAnon);
        Assert.Equal((file >> 12) * (200 - swappiness) / 200, r.ScanActiveFile);
        Assert.StartsWith("SCAN_FRACT", r.Balance);
    }

    [Fact]   // kernel-spec §19 fact 68: without swap, anon is never scanned
    public void Pressure_NoSwap_NeverScansAnon()
    {
        var box = new PageCacheBox(256L << 10, swapKb: 0, (SysctlCatalog.Swappiness, "200"));
        Machine m = box.Machine;
        Process p = SpawnAnon(m, 96L << 20);
        long rss = p.Mm!.RssAnonPages;
        for (int i = 0; i < 6; i++)
        {
            box.Write($"/data/f{i}", 64L << 20);
            box.Sync();
            for (int t = 0; t < 5; t++) m.Step();
        }
        Assert.True(m.VmEvents[VmEventItem.PgscanFile] > 0);
        Assert.Equal(0, m.VmEvents[VmEventItem.PgscanAnon]);
        Assert.Equal(rss, p.Mm.RssAnonPages);
    }

    [Fact]
    public void Reclaim_WithSwap_SwapsAnonOutIntoVmSwap()
    {
        var box = new PageCacheBox(1L << 20, swapKb: 512L << 10, (SysctlCatalog.Swappiness, "100"));
        Machine m = box.Machine;
        Process p = SpawnAnon(m, 64L << 20);
        long rss = p.Mm!.RssAnonPages, anonKb = box.Kb("AnonPages");
        for (int prio = 12; prio >= 0 && m.VmEvents[VmEventItem.Pswpout] == 0; prio--)
            m.Vmscan.ShrinkNode(new ScanControl { Priority = prio, NrToReclaim = 1024, IsKswapd = true });
        long out1 = m.VmEvents[VmEventItem.Pswpout];
        Assert.True(out1 > 0);
        Assert.Equal(out1, p.Mm.SwapEntsPages);
        Assert.Equal(rss - out1, p.Mm.RssAnonPages);
        Assert.Equal(Units.K(out1), box.Kb("SwapTotal") - box.Kb("SwapFree"));
        Assert.Equal(anonKb - Units.K(out1), box.Kb("AnonPages"));
    }

    [Fact]
    public void Swapoff_SwappedPages_ComeBackIntoRss()
    {
        var box = new PageCacheBox(1L << 20, swapKb: 512L << 10, (SysctlCatalog.Swappiness, "100"));
        Machine m = box.Machine;
        Process p = SpawnAnon(m, 32L << 20);
        long rss = p.Mm!.RssAnonPages;
        for (int prio = 12; prio >= 0 && m.VmEvents[VmEventItem.Pswpout] == 0; prio--)
            m.Vmscan.ShrinkNode(new ScanControl { Priority = prio, NrToReclaim = 1024, IsKswapd = true });
        Assert.True(p.Mm.SwapEntsPages > 0);
        Assert.True(m.Swap.Swapoff(Machine.BootSwapDevice, m.AnonRmap));
        Assert.Equal(0, p.Mm.SwapEntsPages);
        Assert.Equal(rss, p.Mm.RssAnonPages);
        Assert.Equal(0, box.Kb("SwapTotal"));
        Assert.Equal(0, box.Kb("SwapCached"));
        Assert.True(m.VmEvents[VmEventItem.Pswpin] > 0);
    }

    [Fact]   // kernel-spec §3.6: woken below low, reclaims until high, then sleeps
    public void Kswapd_WokenBelowLow_ReclaimsToHighThenSleeps()
    {
        var box = new PageCacheBox(256L << 10);
        Machine m = box.Machine;
        var f = box.Write("/data/log", 4096);
        Zone z = m.Node.Zones[(int)ZoneType.Dma32];
        long lowestFree = long.MaxValue;
        for (long off = 4096; m.Kswapd.Runs == 0 && off < 1L << 30; off += 4096)
        {
            lowestFree = Math.Min(lowestFree, z.NrFreePages);
            m.FileIo.Write(f, off, 4096);
            if ((off & ((1 << 20) - 1)) == 0) box.Sync();
        }
        Assert.True(m.Kswapd.Runs > 0);
        Assert.True(lowestFree <= z.Watermarks.Low, "it was woken below the low watermark");
        Assert.False(m.Kswapd.Awake);
        Assert.True(z.NrFreePages >= z.Watermarks.High - 1, $"free {z.NrFreePages}, high {z.Watermarks.High}: the allocation took one page after kswapd balanced the node");
        Assert.True(m.VmEvents[VmEventItem.PgstealKswapd] > 0);
        Assert.Equal(0, m.VmEvents[VmEventItem.PgstealDirect]);
    }

    [Fact]   // kernel-spec §13.4: streaming writes are reclaimed by kswapd, no task stalls
    public void StreamingWrites_CleanCache_KswapdKeepsUpWithoutAllocstall()
    {
        var box = new PageCacheBox(256L << 10);
        Machine m = box.Machine;
        for (int i = 0; i < 8; i++) { box.Write($"/data/s{i}", 64L << 20); box.Sync(); }
        Assert.True(m.VmEvents[VmEventItem.PgstealKswapd] > 0);
        Assert.Equal(0, m.VmEvents[VmEventItem.AllocstallDma32] + m.VmEvents[VmEventItem.AllocstallNormal]);
    }
}
