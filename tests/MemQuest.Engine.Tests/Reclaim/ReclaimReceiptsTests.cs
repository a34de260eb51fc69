// Issue 6: every reclaim pass, drop_caches write and compaction run leaves a receipt saying what was
// scanned and freed and why (kernel-spec §13.1 reasons, §13.5 what stays), and the LRU bookkeeping
// of §11 (a second access activates a page-cache page).
using MemQuest.Engine.Events.Reclaim;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Tests.Filemap;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Tests.Reclaim;

public sealed class ReclaimReceiptsTests
{
    [Fact]   // kernel-spec §13.1 rule 1 (no swap → file only); the receipts add up to pgsteal
    public void DirectReclaim_NoSwap_ReceiptPerPassSaysFileOnlyAndAddsUpToPgsteal()
    {
        var box = new PageCacheBox(1L << 20);
        box.Write("/data/f", 64L << 20);
        box.Sync();
        Machine m = box.Machine;
        long mark = m.Events.Written, steal0 = m.VmEvents[VmEventItem.PgstealDirect];
        using (m.Events.Listen()) m.Vmscan.TryToFreePages(ZoneType.Normal, maySwap: true);
        var passes = m.Events.Since(mark).OfType<ReclaimScanned>().ToList();
        Assert.NotEmpty(passes);
        Assert.All(passes, p => Assert.Equal("direct", p.Who));
        Assert.Equal(ScanControl.DefPriority, passes[0].Priority);
        Assert.All(passes, p => Assert.StartsWith("SCAN_FILE: no free swap", p.Balance));
        Assert.All(passes, p => Assert.Equal(0, p.ScanInactiveAnon + p.ScanActiveAnon));
        Assert.Equal(m.VmEvents[VmEventItem.PgstealDirect] - steal0, passes.Sum(p => p.ReclaimedFile + p.ReclaimedAnon));
    }

    [Fact]   // kernel-spec §13.5: the receipt counts dropped pages and the dirty ones that had to stay
    public void DropCaches_Receipt_CountsDroppedAndDirtyKept()
    {
        var box = new PageCacheBox(1L << 20);
        box.Write("/data/clean", 8L << 20);
        box.Sync();
        box.Write("/data/dirty", 4L << 20);
        Machine m = box.Machine;
        long mark = m.Events.Written, cached0 = box.Kb("Cached") + box.Kb("Buffers"), dirtyPages = box.Kb("Dirty") / 4;
        Assert.True(dirtyPages >= 1024);   // the 4 MiB file + its inode-table block (Buffers)
        using (m.Events.Listen()) box.Drop("1");
        CachesDropped r = Assert.Single(m.Events.Since(mark).OfType<CachesDropped>());
        Assert.Equal(1, r.Mode);
        Assert.Equal(dirtyPages, r.DirtyKept);
        Assert.Equal(cached0 - box.Kb("Cached") - box.Kb("Buffers"), Units.K(r.PagesDropped));
    }

    [Fact]
    public void CompactMemory_Receipt_PerZoneWithItsScannersCounts()
    {
        var box = new PageCacheBox(1L << 20);
        Machine m = box.Machine;
        long mark = m.Events.Written, migrate0 = m.VmEvents[VmEventItem.CompactMigrateScanned];
        using (m.Events.Listen()) m.Sysctls.Write("compact_memory", "1");
        var runs = m.Events.Since(mark).OfType<CompactionFinished>().ToList();
        Assert.NotEmpty(runs);
        Assert.Equal(m.VmEvents[VmEventItem.CompactMigrateScanned] - migrate0, runs.Sum(r => r.MigrateScanned));
    }

    [Fact]   // kernel-spec §11: new page-cache pages are inactive; a second access activates them
    public void Read_FirstAccessInactive_SecondAccessActive()
    {
        var box = new PageCacheBox(1L << 20);
        box.Write("/data/f", 4L << 20);
        box.Sync();
        box.Drop("1");
        long active0 = box.Kb("Active(file)"), inactive0 = box.Kb("Inactive(file)");
        box.Read("/data/f");
        Assert.Equal(inactive0 + 4096, box.Kb("Inactive(file)"));
        Assert.Equal(active0, box.Kb("Active(file)"));
        box.Read("/data/f");
        Assert.Equal(active0 + 4096, box.Kb("Active(file)"));
        Assert.Equal(inactive0, box.Kb("Inactive(file)"));
    }
}
