// Receipt for a failed kmalloc (mm/slab_common.c ___kmalloc_large_node or a slab that could not
// grow), kernel-spec §6.3: the size, the page order it needed and why it failed.
namespace MemQuest.Engine.Events;

public sealed record KmallocFailed(long Tick, long RequestBytes, int Order, string Reason)
    : KernelEvent(Tick)
{
    public override string Describe() => $"kmalloc({RequestBytes}) failed: order:{Order}: {Reason}";
}
