// Receipt for one merge step of __free_one_page (mm/page_alloc.c), kernel-spec §2.2.
namespace MemQuest.Engine.Events;

public sealed record BuddyMerged(long Tick, string Zone, long Pfn, long BuddyPfn, int Order, long MergedPfn)
    : KernelEvent(Tick)
{
    public override string Describe() =>
        $"merge: pfn {Pfn} + buddy {BuddyPfn} (order {Order}, {Zone}) -> order-{Order + 1} block at pfn {MergedPfn}";
}
