// Receipt for kmalloc (mm/slab_common.c, mm/slub.c), kernel-spec §6: which cache (or the page
// allocator, for requests above 8 KiB) served a request, and the address handed out.
namespace MemQuest.Engine.Events;

public sealed record KmallocServed(long Tick, long RequestBytes, string Source, ulong Address)
    : KernelEvent(Tick)
{
    public override string Describe() => $"kmalloc({RequestBytes}) served by {Source} at 0x{Address:x16}";
}
