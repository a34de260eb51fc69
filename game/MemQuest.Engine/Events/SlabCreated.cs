// Receipt for new_slab/allocate_slab (mm/slub.c), kernel-spec §5.3: a cache took a new slab from
// the buddy allocator (at its preferred order, or at the fallback order under pressure).
namespace MemQuest.Engine.Events;

public sealed record SlabCreated(long Tick, string Cache, long Pfn, int Order, int Objects, bool Fallback)
    : KernelEvent(Tick)
{
    public override string Describe() =>
        $"new slab for {Cache}: order-{Order} block at pfn {Pfn}, {Objects} objects" + (Fallback ? " (fallback to the minimum order: the preferred order had no free block)" : "");
}
