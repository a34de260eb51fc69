// Receipt for a failed __alloc_pages (mm/page_alloc.c), kernel-spec §3.5: which order and gfp, and why.
namespace MemQuest.Engine.Events;

public sealed record AllocFailed(long Tick, int Order, string GfpMask, string Reason)
    : KernelEvent(Tick)
{
    public override string Describe() => $"page allocation failure: order:{Order}, mode:{GfpMask}: {Reason}";
}
