// Receipt for expand() (mm/page_alloc.c), kernel-spec §2.1: one halving of a larger free block.
namespace MemQuest.Engine.Events;

public sealed record BuddySplit(long Tick, string Zone, long Pfn, int FromOrder, long FreedHalfPfn, int HalfOrder)
    : KernelEvent(Tick)
{
    public override string Describe() =>
        $"split: order-{FromOrder} block at pfn {Pfn} ({Zone}) -> order-{HalfOrder} half at pfn {FreedHalfPfn} put on the free list";
}
