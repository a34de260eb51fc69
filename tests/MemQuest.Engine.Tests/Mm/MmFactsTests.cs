// kernel-spec §19 facts 36-47 and 75-78 (lazy allocation, page tables, overcommit, glibc, THP).
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Tests.Mm;

public sealed class MmFactsTests
{
    private const long Mib64 = 64L << 20;

    private static (MmTestBox Box, Process P, long Addr) Mapped64(string thp = "never")
    {
        var box = new MmTestBox();
        Assert.Equal(Errno.Ok, box.Machine.SetThpEnabled(thp));
        Process p = box.Spawn();
        long addr = box.Vm.MmapAnon(p, Mib64, writable: true, noReserve: false);
        Assert.Equal(0, addr % (2 << 20));
        return (box, p, addr);
    }

    private static void TouchAll(MmTestBox box, Process p, long addr, long len, bool write)
    {
        for (long off = 0; off < len; off += 4096) box.Vm.Faults.Handle(p, addr + off, write);
    }

    [Fact]
    public void Mmap_64MiBPrivateRw_RaisesVmSizeAndCommittedNotRss_Fact36()
    {
        var box = new MmTestBox();
        Process p = box.Spawn();
        long size = MmTestBox.SizeKb(p), rss = MmTestBox.RssKb(p), committed = box.CommittedKb;
        box.Vm.MmapAnon(p, Mib64, writable: true, noReserve: false);
        Assert.Equal(65536, MmTestBox.SizeKb(p) - size);
        Assert.Equal(0, MmTestBox.RssKb(p) - rss);
        Assert.Equal(65536, box.CommittedKb - committed);
    }

    [Fact]
    public void ReadTouch_64MiBAligned_AddsPageTablesOnly_Fact37()
    {
        var (box, p, addr) = Mapped64();
        long anon = MmTestBox.AnonKb(p), pte = MmTestBox.PteKb(p);
        TouchAll(box, p, addr, Mib64, write: false);
        Assert.Equal(0, MmTestBox.AnonKb(p) - anon);
        Assert.Equal(128, MmTestBox.PteKb(p) - pte);
    }

    [Fact]
    public void WriteTouch_AfterRead_AddsAnonPagesNotPageTables_Fact38()
    {
        var (box, p, addr) = Mapped64();
        TouchAll(box, p, addr, Mib64, write: false);
        long anon = MmTestBox.AnonKb(p), pte = MmTestBox.PteKb(p);
        long anonPages = box.Machine.Node.Stat[(int)NodeStatItem.NrAnonPages];
        TouchAll(box, p, addr, Mib64, write: true);
        Assert.Equal(65536, MmTestBox.AnonKb(p) - anon);
        Assert.Equal(0, MmTestBox.PteKb(p) - pte);
        Assert.Equal(65536, Units.K(box.Machine.Node.Stat[(int)NodeStatItem.NrAnonPages] - anonPages));
    }

    [Fact]
    public void FirstWrite_InUntouched512GiBSlot_AddsPudPmdPte_Fact39()
    {
        var box = new MmTestBox();
        Process p = box.Spawn();
        long addr = box.Vm.MmapAnon(p, 4096, writable: true, noReserve: false, fixedAddr: 0x200000000000);
        long pte = MmTestBox.PteKb(p);
        box.Vm.Faults.Handle(p, addr, write: true);
        Assert.Equal(12, MmTestBox.PteKb(p) - pte);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Mmap_ReadOnlyOrNoreserveInMode0_LeavesCommittedAlone_Fact40(bool writable, bool noReserve)
    {
        var box = new MmTestBox();
        Process p = box.Spawn();
        long committed = box.CommittedKb;
        Assert.True(box.Vm.MmapAnon(p, 1L << 40, writable, noReserve) > 0);
        Assert.Equal(committed, box.CommittedKb);
    }

    [Theory]
    [InlineData(6171021L, true)]
    [InlineData(6171022L, false)]
    public void Mode0_SingleRequestAgainstTotalramPlusSwap_Fact41(long pages, bool ok)
    {
        var box = new MmTestBox(MmTestBox.OracleMemTotalKb);
        Assert.Equal(6171021, box.Machine.Node.TotalramPages);
        Process p = box.Spawn();
        Assert.Equal(ok, box.Vm.MmapAnon(p, pages * 4096, writable: true, noReserve: false) > 0);
    }

    [Fact]
    public void Mode1_AnySize_Succeeds_Fact42()
    {
        var box = new MmTestBox(sysctls: ("overcommit_memory", "1"));
        Process p = box.Spawn();
        Assert.True(box.Vm.MmapAnon(p, 16L << 40, writable: true, noReserve: false) > 0);
    }

    [Theory]
    [InlineData(24684084L, 0L, 12342040L)]
    [InlineData(1048576L, 524288L, 1048576L)]
    public void CommitLimit_RatioFiftyPlusSwap_Facts43And44(long memKb, long swapKb, long wantKb)
    {
        var box = new MmTestBox(memKb, swapKb);
        Assert.Equal(wantKb, Units.K(box.Vm.Commit.CommitLimitPages()));
    }

    [Fact]   // kernel-spec §9.3: overcommit_kbytes replaces the ratio (writing one zeroes the other), plus swap
    public void CommitLimit_OvercommitKbytes_ReplacesTheRatioUntilTheRatioIsWrittenAgain()
    {
        var box = new MmTestBox(1L << 20, 524288);
        Assert.Equal(Errno.Ok, box.Machine.Sysctls.Write("overcommit_kbytes", "300000"));
        Assert.Equal(0, box.Machine.Sysctls.Get("overcommit_ratio"));
        Assert.Equal((300000L >> 2) + 131072, box.Vm.Commit.CommitLimitPages());
        Assert.Equal(Errno.Ok, box.Machine.Sysctls.Write("overcommit_ratio", "50"));
        Assert.Equal(0, box.Machine.Sysctls.Get("overcommit_kbytes"));
        Assert.Equal(1048576, Units.K(box.Vm.Commit.CommitLimitPages()));   // fact 44's formula again
    }

    [Theory]
    [InlineData(0, 3070262L)]
    [InlineData(1000, 3070262L - 2048)]
    public void Mode2_LargestMapping_SubtractsReservesAndCommitted_Facts45And46(int uid, long largest)
    {
        var box = new MmTestBox(MmTestBox.OracleMemTotalKb, 0, ("overcommit_memory", "2"));
        Process probe = box.Spawn("probe");
        Assert.Equal(619, probe.Mm!.TotalVmPages);
        probe.Uid = uid;
        Process rest = box.Bare("rest");
        Assert.True(box.Vm.MmapAnon(rest, (15228 - box.Vm.Commit.CommittedPages) * 4096, true, false) > 0);
        Assert.Equal(15228, box.Vm.Commit.CommittedPages);
        long ok = box.Vm.MmapAnon(probe, largest * 4096, writable: true, noReserve: false);
        Assert.True(ok > 0);
        box.Vm.Munmap(probe, ok, largest * 4096);
        Assert.True(box.Vm.MmapAnon(probe, (largest + 1) * 4096, writable: true, noReserve: false) < 0);
    }

    [Fact]
    public void Reserves_AtBoot_AreOneThirtySecondOfFreeCapped_Fact47()
    {
        var box = new MmTestBox(1L << 20);
        // init_user_reserve is an initcall: it sees free memory before userspace read the C library into the cache
        long bootCached = box.Machine.Fs.Lookup(MinimalProgram.Libc, out _)!.NrPages + box.Machine.Fs.Lookup(MinimalProgram.Ld, out _)!.NrPages;
        long freeKb = Units.K(box.Machine.Node.NrFreePages + bootCached);
        Assert.Equal(Math.Min(freeKb / 32, 131072), box.Machine.Sysctls.Get("user_reserve_kbytes"));
        Assert.Equal(8192, box.Machine.Sysctls.Get("admin_reserve_kbytes"));
        Assert.Equal(100403, Math.Min(3212896L / 32, 131072));
    }

    [Fact]
    public void Malloc100_FirstCall_GrowsBrkBy135168_Fact75()
    {
        var box = new MmTestBox();
        Process p = box.Bare();
        var m = new MemQuest.Engine.Mm.Malloc.GlibcMalloc();
        long brk = p.Mm!.Space.Brk;
        var r = m.Malloc(box.Vm, p, 100);
        Assert.False(r.FromMmap);
        Assert.Equal(135168, p.Mm.Space.Brk - brk);
    }

    [Fact]
    public void Malloc200000_SmallTop_MmapsAndFreeRaisesThreshold_Fact76()
    {
        var box = new MmTestBox();
        Process p = box.Bare();
        var m = new MemQuest.Engine.Mm.Malloc.GlibcMalloc();
        m.Malloc(box.Vm, p, 16);
        m.Malloc(box.Vm, p, 120 * 1024);
        var r = m.Malloc(box.Vm, p, 200000);
        Assert.True(r.FromMmap);
        Assert.Equal(200704, r.MappingBytes);
        var big = m.Malloc(box.Vm, p, 1 << 20);
        Assert.Equal(1052672, big.MappingBytes);
        m.Free(box.Vm, p, big.Address);
        Assert.Equal(1052672, m.MmapThreshold);
        Assert.Equal(2105344, m.TrimThreshold);
    }

    [Fact]
    public void MallocFree_ChunkAbove32MiB_NeverRaisesThreshold_Fact77()
    {
        var box = new MmTestBox();
        Process p = box.Bare();
        var m = new MemQuest.Engine.Mm.Malloc.GlibcMalloc();
        var r = m.Malloc(box.Vm, p, 40L << 20);
        Assert.True(r.FromMmap);
        m.Free(box.Vm, p, r.Address);
        Assert.Equal(131072, m.MmapThreshold);
        Assert.True(m.Malloc(box.Vm, p, 40L << 20).FromMmap);
    }

    [Fact]
    public void ThpMadvise_Write64MiBAligned_GivesAnonHugePagesAndDepositedTables_Fact78()
    {
        var (box, p, addr) = Mapped64("madvise");
        box.Vm.Madvise(p, addr, Mib64, hugepage: true);
        long pte = MmTestBox.PteKb(p);
        long thp = box.Machine.Node.Stat[(int)NodeStatItem.NrAnonTransparentHugepages];
        long faults = p.MinFlt;
        TouchAll(box, p, addr, Mib64, write: true);
        Assert.Equal(65536, Units.K(box.Machine.Node.Stat[(int)NodeStatItem.NrAnonTransparentHugepages] - thp));
        Assert.Equal(128, MmTestBox.PteKb(p) - pte);
        Assert.Equal(32, p.MinFlt - faults);
    }
}
