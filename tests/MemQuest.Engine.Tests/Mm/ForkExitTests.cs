// fork shares private pages copy-on-write; exit (and a failed fork) gives every page back.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Tests.Mm;

public sealed class ForkExitTests
{
    private static long Free(MmTestBox b) => b.Machine.Node.NrFreePages;

    [Fact]
    public void Fork_WrittenMapping_SharesPagesUntilAWriteCopiesOne()
    {
        var box = new MmTestBox();
        Process parent = box.Spawn("redis", new LabProgramSpec(MapBytes: 8 << 20, TouchBytes: 8 << 20));
        long free = Free(box);
        Process child = box.Vm.Fork(parent, out Errno e)!;
        Assert.Equal(Errno.Ok, e);
        Assert.True(MmTestBox.AnonKb(child) >= 8192);
        long copied = free - Free(box);
        Assert.True(copied < 64, $"fork allocated {copied} pages; only page tables should be new");
        long addr = parent.Mm!.Space.Vmas.First(v => v.IsAnonymous && v.Name is null && v.Pages == 2048).Start;
        free = Free(box);
        Assert.Equal(MemQuest.Engine.Mm.Fault.FaultResult.Minor, box.Vm.Faults.Handle(child, addr, write: true));
        Assert.Equal(1, free - Free(box));
        Assert.Equal(MemQuest.Engine.Mm.Fault.FaultResult.Minor, box.Vm.Faults.Handle(parent, addr, write: true));
        Assert.Equal(1, free - Free(box));
        Assert.Equal(MemQuest.Engine.Mm.Fault.FaultResult.NoFault, box.Vm.Faults.Handle(parent, addr, write: true));
    }

    [Theory]
    [InlineData("never")]
    [InlineData("always")]
    public void Exit_ParentAndChild_ReturnEveryPageToTheBuddyAllocator(string thp)
    {
        var box = new MmTestBox();
        box.Machine.SetThpEnabled(thp);
        box.Bare("app");   // its binary and library pages enter the page cache once and stay there
        long free = Free(box), committed = box.Vm.Commit.CommittedPages;
        long anon = box.Machine.Node.Stat[(int)NodeStatItem.NrAnonPages];
        var (parent, addr) = box.SpawnMapped("app", new LabProgramSpec(MapBytes: 64 << 20, TouchBytes: 48 << 20, Regions: 2));
        Process child = box.Vm.Fork(parent, out _)!;
        box.Vm.Faults.Handle(child, addr, true);
        Assert.True(Free(box) < free - 2 * 12288);
        box.Vm.Exit(parent);
        box.Vm.Exit(child);
        Assert.Equal(free, Free(box));
        Assert.Equal(committed, box.Vm.Commit.CommittedPages);
        Assert.Equal(anon, box.Machine.Node.Stat[(int)NodeStatItem.NrAnonPages]);
        Assert.Equal(0, box.Machine.Node.Stat[(int)NodeStatItem.NrAnonTransparentHugepages]);
        Assert.Null(box.Machine.Processes.Find(parent.Pid));
    }

    [Fact]
    public void Fork_Mode2BigWrittenHeap_FailsWithEnomemAndLeavesNothing()
    {
        var box = new MmTestBox(1L << 20, 0, ("overcommit_memory", "2"));
        Process parent = box.Spawn("redis", new LabProgramSpec(MapBytes: 320L << 20, TouchBytes: 1 << 20));
        long free = Free(box), committed = box.Vm.Commit.CommittedPages;
        int procs = box.Machine.Processes.TaskList.Count;
        Assert.Null(box.Vm.Fork(parent, out Errno e));
        Assert.Equal(Errno.ENOMEM, e);
        Assert.Equal(free, Free(box));
        Assert.Equal(committed, box.Vm.Commit.CommittedPages);
        Assert.Equal(procs, box.Machine.Processes.TaskList.Count);
    }

    [Fact]   // kernel-spec §9.2: mode 0 checks each VMA of the copy on its own against totalram + swap
    public void Fork_Mode0HeapBiggerThanHalfOfRam_SucceedsWhereMode2Fails()
    {
        var box = new MmTestBox(1L << 20);
        Process parent = box.Spawn("redis", new LabProgramSpec(MapBytes: 640L << 20, TouchBytes: 1 << 20));
        long committed = box.Vm.Commit.CommittedPages;
        Process? child = box.Vm.Fork(parent, out Errno e);
        Assert.Equal(Errno.Ok, e);
        Assert.NotNull(child);
        Assert.True(box.Vm.Commit.CommittedPages - committed >= 640L << 8);   // the copy is charged: Committed_AS > RAM now
        Assert.True(Units.K(box.Vm.Commit.CommittedPages) > 1L << 20);
    }

    [Fact]
    public void Fork_Mode1SameHeap_Succeeds()
    {
        var box = new MmTestBox(1L << 20, 0, ("overcommit_memory", "1"));
        Process parent = box.Spawn("redis", new LabProgramSpec(MapBytes: 320L << 20, TouchBytes: 1 << 20));
        Assert.NotNull(box.Vm.Fork(parent, out _));
    }

    [Fact]
    public void Rmap_ForkedPage_LookupFindsBothMappersAndSwapUnmapMovesRssToSwap()
    {
        var box = new MmTestBox();
        var (parent, addr) = box.SpawnMapped("a", new LabProgramSpec(MapBytes: 1 << 20, TouchBytes: 1 << 20));
        Process child = box.Vm.Fork(parent, out _)!;
        var t = parent.Mm!.Space.Tables.Find(addr)!;
        int pfn = MemQuest.Engine.Mm.PageTables.PteTable.PfnOf(t.Entries[(addr >> 12) & 511]);
        var hits = box.Vm.Rmap.Lookup(pfn);
        Assert.Equal(new[] { parent.Pid, child.Pid }, hits.Select(h => h.Process.Pid).OrderBy(x => x));
        Assert.All(hits, h => Assert.Equal(addr, h.VirtualAddress));
        long anon = parent.Mm.RssAnonPages;
        Assert.True(box.Vm.TryUnmapAnonPage(pfn, 7, out int n));
        Assert.Equal(2, n);
        Assert.Equal(anon - 1, parent.Mm.RssAnonPages);
        Assert.Equal(1, parent.Mm.SwapEntsPages);
        Assert.Equal(1, child.Mm!.SwapEntsPages);
        Assert.Equal(MemQuest.Engine.Mm.Fault.FaultResult.SwapEntry, box.Vm.Faults.Handle(parent, addr, write: false));
    }
}
