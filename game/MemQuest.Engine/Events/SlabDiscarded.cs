// Receipt for discard_slab (mm/slub.c), kernel-spec §5.3: an empty slab went back to the buddy allocator.
namespace MemQuest.Engine.Events;

public sealed record SlabDiscarded(long Tick, string Cache, long Pfn, int Order, string Reason)
    : KernelEvent(Tick)
{
    public override string Describe() => $"slab of {Cache} at pfn {Pfn} (order {Order}) freed to the buddy allocator: {Reason}";
}
