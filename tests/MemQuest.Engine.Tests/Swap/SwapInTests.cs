// do_swap_page (kernel-spec §12): touching a swapped-out page reads it back (pswpin, pgmajfault),
// moves it from VmSwap to RssAnon, and a read fault leaves the clean copy in SwapCached.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Mm.Fault;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Tests.Filemap;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Tests.Swap;

public sealed class SwapInTests
{
    private static (PageCacheBox Box, Process P, long Addr) SwappedOut()
    {
        var box = new PageCacheBox(1L << 20, swapKb: 256L << 10, (SysctlCatalog.Swappiness, "100"));
        Machine m = box.Machine;
        LabOutcome o = LabProgram.Spawn(m.Mm, "anon", 1, m.Tick, new LabProgramSpec(MapBytes: 16L << 20, TouchBytes: 16L << 20));
        for (int prio = 12; prio >= 0 && o.Process!.Mm!.SwapEntsPages < 4096; prio--)
            m.Vmscan.ShrinkNode(new ScanControl { Priority = prio, NrToReclaim = 1L << 20, IsKswapd = true });
        return (box, o.Process!, o.FirstMappingAddress);
    }

    [Fact]
    public void Fault_SwappedPage_ReadBackIntoRssAndSwapCache()
    {
        var (box, p, addr) = SwappedOut();
        Machine m = box.Machine;
        long swapped = p.Mm!.SwapEntsPages, rss = p.Mm.RssAnonPages;
        Assert.True(swapped > 0);
        long majBefore = m.VmEvents[VmEventItem.Pgmajfault];
        int major = 0;
        for (long off = 0; off < 16L << 20; off += 4096)
            if (m.Mm.Faults.Handle(p, addr + off, write: false) == FaultResult.Major) major++;
        Assert.True(major >= 4096 - 64, $"most of the 16 MiB region was on swap ({major} major faults)");
        Assert.Equal(swapped - major, p.Mm.SwapEntsPages);
        Assert.Equal(rss + major, p.Mm.RssAnonPages);
        Assert.Equal(major, m.VmEvents[VmEventItem.Pswpin]);
        Assert.Equal(majBefore + major, m.VmEvents[VmEventItem.Pgmajfault]);
        Assert.Equal(Units.K(major), box.Kb("SwapCached"));
        Assert.Equal(Units.K(major + p.Mm.SwapEntsPages), box.Kb("SwapTotal") - box.Kb("SwapFree"));
    }

    [Fact]
    public void Fault_WriteToSwappedPage_FreesItsSlot()
    {
        var (box, p, addr) = SwappedOut();
        for (long off = 0; off < 16L << 20; off += 4096) box.Machine.Mm.Faults.Handle(p, addr + off, write: true);
        Assert.Equal(0, box.Kb("SwapCached"));
        Assert.Equal(Units.K(p.Mm!.SwapEntsPages), box.Kb("SwapTotal") - box.Kb("SwapFree"));
        Assert.True(p.Mm.SwapEntsPages < 64);
    }
}
