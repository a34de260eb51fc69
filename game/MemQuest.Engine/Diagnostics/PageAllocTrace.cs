// Not a kernel model: the deterministic allocation traces behind `memquest bench` and the
// BenchmarkDotNet suite (issue: order-0 churn on a half-full 4 GiB box, and mixed orders).
// Timing is done by the caller; this only does the work and returns a checksum of pfns.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Diagnostics;

public sealed class PageAllocTrace
{
    private readonly Machine _machine;
    // Each live block as pfn << OrderBits | order: one 4-byte slot per block, so the trace's own
    // bookkeeping costs one cache line per pair and leaves the cache to the allocator's mem_map.
    private const int OrderBits = 4;
    private readonly int[] _live;
    private readonly SimRandom _random;

    /// <summary>Boot a box of <paramref name="memTotalKb"/> and fill <paramref name="fillPercent"/> % of it.</summary>
    public PageAllocTrace(long memTotalKb, int fillPercent, bool mixedOrders, ulong seed = 1)
    {
        _machine = Machine.Boot(new MachineSpec(memTotalKb), seed);
        if (_machine.Node.Map.EndPfn > int.MaxValue >> OrderBits)
            throw new ArgumentOutOfRangeException(nameof(memTotalKb), "the trace packs pfns into 27 bits: at most 512 GiB of pfn space");
        _random = new SimRandom(seed);
        long target = _machine.Node.TotalramPages * fillPercent / 100;
        var live = new List<int>();
        long held = 0;
        while (held < target)
        {
            int order = mixedOrders ? PickOrder() : 0;
            long pfn = _machine.PageAlloc.AllocPages(order, GfpFlags.GfpHighuserMovable);
            if (pfn < 0) break;
            live.Add(Pack(pfn, order));
            held += 1L << order;
        }
        _live = live.ToArray();
    }

    public Machine Machine => _machine;
    public int LivePages => _live.Length;

    /// <summary>The blocks the trace holds now, as (pfn, order).</summary>
    internal IEnumerable<(long Pfn, int Order)> LiveBlocks => _live.Select(b => ((long)(b >> OrderBits), b & ((1 << OrderBits) - 1)));

    /// <summary>Free a random live block and allocate one of the same (or a random) order, <paramref name="pairs"/> times.
    /// The driver draws each pair's slot one pair ahead, so reading its own table (a random 2 MB array,
    /// not allocator state) overlaps the allocator's work, as an out-of-order CPU overlaps it for the C
    /// reference; the allocator's own reads of mem_map are neither prefetched nor reordered.</summary>
    public long Run(long pairs, bool mixedOrders)
    {
        PageAllocator pa = _machine.PageAlloc;
        int[] live = _live;
        long checksum = 0;
        int slot = (int)_random.Next(live.Length);
        int block = live[slot];
        for (long i = 0; i < pairs; i++)
        {
            int nextSlot = (int)_random.Next(live.Length);
            int nextBlock = live[nextSlot];
            pa.FreePages(block >> OrderBits, block & ((1 << OrderBits) - 1));
            int order = mixedOrders ? PickOrder() : 0;
            long pfn = pa.AllocPages(order, GfpFlags.GfpHighuserMovable);
            if (pfn < 0) { order = 0; pfn = pa.AllocPages(0, GfpFlags.GfpHighuserMovable); }
            int packed = Pack(pfn, order);
            live[slot] = packed;
            checksum += pfn;
            block = nextSlot == slot ? packed : nextBlock;    // the same slot again: the block just allocated
            slot = nextSlot;
        }
        return checksum;
    }

    private static int Pack(long pfn, int order) => (int)(pfn << OrderBits) | order;

    /// <summary>Orders 0..3 weighted towards small ones (8:4:2:1), as page-cache, slab and THP-less faults mix.</summary>
    private int PickOrder()
    {
        long r = _random.Next(15);
        return r < 8 ? 0 : r < 12 ? 1 : r < 14 ? 2 : 3;
    }
}
