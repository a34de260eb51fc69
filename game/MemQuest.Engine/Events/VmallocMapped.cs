// Receipt for __vmalloc_node_range (mm/vmalloc.c), kernel-spec §7: a vmalloc area was reserved
// (with its guard page), its pages allocated one by one and mapped.
namespace MemQuest.Engine.Events;

public sealed record VmallocMapped(long Tick, ulong Start, long SizeBytes, int Pages, string Caller, string ArrayFrom)
    : KernelEvent(Tick)
{
    public override string Describe() =>
        $"vmalloc area 0x{Start:x16}-0x{Start + (ulong)SizeBytes:x16} ({SizeBytes} bytes incl. guard page) mapped {Pages} order-0 pages for {Caller}; page array from {ArrayFrom}";
}
