// Models nothing the kernel stores: the "receipts" of kernel decisions, past-tense records that
// explain why something happened (a split, a merge, a crossed watermark, a failed allocation).
// Every subtype renders itself as one line in kernel vocabulary for the lab and the debrief.
namespace MemQuest.Engine.Events;

public abstract record KernelEvent(long Tick)
{
    /// <summary>One line in kernel words, e.g. "split order-3 block at pfn 8: order-2 half at pfn 12 to the free list".</summary>
    public abstract string Describe();
}
