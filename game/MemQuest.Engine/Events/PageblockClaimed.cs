// Receipt for migratetype fallback (try_to_claim_block / __rmqueue_steal, mm/page_alloc.c), kernel-spec §2.4.
namespace MemQuest.Engine.Events;

public sealed record PageblockClaimed(long Tick, string Zone, long Pfn, int Order, string FromType, string ToType, bool WholeBlock)
    : KernelEvent(Tick)
{
    public override string Describe() => WholeBlock
        ? $"fallback: {ToType} request claimed the {FromType} pageblock at pfn {Pfn} ({Zone}, found at order {Order})"
        : $"fallback: {ToType} request stole an order-{Order} {FromType} block at pfn {Pfn} ({Zone}) without retyping it";
}
