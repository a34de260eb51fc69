using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Tests.PageAlloc;

public sealed class BuddyAllocatorTests
{
    [Fact] // kernel-spec §19 fact 3 and §2.1's worked example, first step
    public void RmqueueSmallest_OneOrder10Block_SplitsDownToOrder0AtBlockStart()
    {
        Zone z = TestWorlds.SingleZone(1024);
        int pfn = BuddyAllocator.RmqueueSmallest(z, 0, MigrateType.Movable);
        Assert.Equal(0, pfn);
        Assert.Equal("1 1 1 1 1 1 1 1 1 1 0", TestWorlds.CountsText(z));
        Assert.Equal(1023, z.NrFreePages);
    }

    [Fact] // kernel-spec §19 fact 4
    public void FreeOnePage_TheOnlyAllocatedPage_MergesBackToOrder10()
    {
        Zone z = TestWorlds.SingleZone(1024);
        int pfn = BuddyAllocator.RmqueueSmallest(z, 0, MigrateType.Movable);
        BuddyAllocator.FreeOnePage(z, pfn, 0);
        Assert.Equal("0 0 0 0 0 0 0 0 0 0 1", TestWorlds.CountsText(z));
        Assert.Equal(1024, z.NrFreePages);
    }

    [Fact] // kernel-spec §2.1 worked example, every step
    public void WorkedExample_AllocsAndFrees_FollowSpecCounts()
    {
        Zone z = TestWorlds.SingleZone(1024);
        Assert.Equal(0, BuddyAllocator.RmqueueSmallest(z, 0, MigrateType.Movable));
        Assert.Equal(1, BuddyAllocator.RmqueueSmallest(z, 0, MigrateType.Movable));
        Assert.Equal("0 1 1 1 1 1 1 1 1 1 0", TestWorlds.CountsText(z));
        Assert.Equal(2, BuddyAllocator.RmqueueSmallest(z, 0, MigrateType.Movable));
        Assert.Equal("1 0 1 1 1 1 1 1 1 1 0", TestWorlds.CountsText(z));
        Assert.Equal(8, BuddyAllocator.RmqueueSmallest(z, 3, MigrateType.Movable));
        Assert.Equal("1 0 1 0 1 1 1 1 1 1 0", TestWorlds.CountsText(z));
        BuddyAllocator.FreeOnePage(z, 1, 0);
        Assert.Equal("2 0 1 0 1 1 1 1 1 1 0", TestWorlds.CountsText(z));
        BuddyAllocator.FreeOnePage(z, 0, 0);
        Assert.Equal("1 1 1 0 1 1 1 1 1 1 0", TestWorlds.CountsText(z));
        BuddyAllocator.FreeOnePage(z, 2, 0);
        Assert.Equal("0 0 0 1 1 1 1 1 1 1 0", TestWorlds.CountsText(z));
        BuddyAllocator.FreeOnePage(z, 8, 3);
        Assert.Equal("0 0 0 0 0 0 0 0 0 0 1", TestWorlds.CountsText(z));
    }

    [Fact] // kernel-spec §19 fact 5
    public void FreeOnePage_Pfn12AndBuddy8AtOrder2_MergeIntoOrder3At8()
    {
        Zone z = TestWorlds.SingleZone(1024, populate: false);
        BuddyAllocator.FreeOnePage(z, 8, 2);
        Assert.Equal(1, z.NrFree(2));
        BuddyAllocator.FreeOnePage(z, 12, 2);
        Assert.Equal(0, z.NrFree(2));
        Assert.Equal(1, z.NrFree(3));
        Assert.Equal(8, z.FirstFree(3, MigrateType.Movable));
    }

    [Fact] // kernel-spec §19 fact 6: boot population appends to the tail in ascending pfn order
    public void RmqueueSmallest_TwoTailInsertedOrder10Blocks_TakesLowestPfn()
    {
        Zone z = TestWorlds.SingleZone(2048);
        Assert.Equal(new[] { 0, 1024 }, z.FreeList(10, MigrateType.Movable).ToArray());
        Assert.Equal(0, BuddyAllocator.RmqueueSmallest(z, 5, MigrateType.Movable));
        Assert.Equal("0 0 0 0 0 1 1 1 1 1 1", TestWorlds.CountsText(z));
    }

    [Fact] // kernel-spec §2.1: upper halves go to the list head, so the next small request reuses them first
    public void Expand_PutsUpperHalvesAtListHead()
    {
        Zone z = TestWorlds.SingleZone(2048);
        BuddyAllocator.RmqueueSmallest(z, 9, MigrateType.Movable);   // splits block 0: half 512 at order 9
        Assert.Equal(512, z.FirstFree(9, MigrateType.Movable));
        Assert.Equal(new[] { 512 }, z.FreeList(9, MigrateType.Movable).ToArray());
    }

    [Fact] // kernel-spec §2.2: when the next-higher buddy is free, the merged block goes to the tail
    public void FreeOnePage_MergeLikely_InsertsAtTail()
    {
        Zone z = TestWorlds.SingleZone(1024, populate: false);
        BuddyAllocator.FreeOnePage(z, 4, 2);     // higher buddy of the future order-2 block at 0 → tail next time
        BuddyAllocator.FreeOnePage(z, 16, 0);    // an unrelated order-0 block at the head
        BuddyAllocator.FreeOnePage(z, 2, 1);     // buddy 0 (order 1) not free; order-2 block 4 free → merge likely
        Assert.Equal(new[] { 2 }, z.FreeList(1, MigrateType.Movable).ToArray());
        BuddyAllocator.FreeOnePage(z, 17, 0);    // merges with 16 into order 1 at 16: its higher buddy (18) is not free → head
        Assert.Equal(new[] { 16, 2 }, z.FreeList(1, MigrateType.Movable).ToArray());
    }

    [Fact] // kernel-spec §2.4: an unmovable request with only movable blocks claims a whole pageblock
    public void Rmqueue_UnmovableFromMovableOrder10_ClaimsAndRetypesPageblocks()
    {
        Zone z = TestWorlds.SingleZone(2048);
        int pfn = BuddyAllocator.Rmqueue(z, 0, MigrateType.Unmovable, noFragment: false);
        Assert.Equal(0, pfn);
        Assert.Equal(MigrateType.Unmovable, z.Map.GetPageblockMigratetype(0));
        Assert.Equal(MigrateType.Unmovable, z.Map.GetPageblockMigratetype(512));
        Assert.Equal(MigrateType.Movable, z.Map.GetPageblockMigratetype(1024));
        Assert.Equal(1, z.NrFreeOfType(9, MigrateType.Unmovable));
    }

    [Fact] // kernel-spec §2.4: should_try_claim_block refuses small movable fallbacks; steal takes them unretyped
    public void Rmqueue_MovableFromSmallUnmovableBlock_StealsWithoutRetyping()
    {
        Zone z = TestWorlds.SingleZone(1024, populate: false);
        z.Map.SetPageblockMigratetype(0, MigrateType.Unmovable);
        BuddyAllocator.FreeOnePage(z, 4, 2);
        int pfn = BuddyAllocator.Rmqueue(z, 0, MigrateType.Movable, noFragment: false);
        Assert.Equal(4, pfn);
        Assert.Equal(MigrateType.Unmovable, z.Map.GetPageblockMigratetype(0));
        Assert.Equal(1, z.NrFreeOfType(1, MigrateType.Unmovable));
        Assert.Equal(1, z.NrFreeOfType(0, MigrateType.Unmovable));
    }

    [Fact]
    public void Rmqueue_NoFragmentAndOnlySmallFallbacks_Fails()
    {
        Zone z = TestWorlds.SingleZone(1024, populate: false);
        z.Map.SetPageblockMigratetype(0, MigrateType.Unmovable);
        BuddyAllocator.FreeOnePage(z, 4, 2);
        Assert.Equal(-1, BuddyAllocator.Rmqueue(z, 0, MigrateType.Movable, noFragment: true));
    }

#if DEBUG
    [Fact] // the allocation path never clears page->private, so a free checks that the owner did (Debug builds: the test command)
    public void FreePages_WithPagePrivateStillSet_IsRefused()
    {
        Machine m = Machine.Boot(new MachineSpec(96 * 1024), 1);
        long pfn = m.PageAlloc.AllocPages(0, GfpFlags.GfpKernel);
        m.Node.Map.Private[pfn] = 42;
        var e = Assert.Throws<InvalidOperationException>(() => m.PageAlloc.FreePages(pfn, 0));
        Assert.Contains("page->private 42", e.Message);
        m.Node.Map.Private[pfn] = 0;
        m.PageAlloc.FreePages(pfn, 0);
    }
#endif
}
