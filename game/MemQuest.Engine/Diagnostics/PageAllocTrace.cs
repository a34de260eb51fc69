// Not a kernel model: the deterministic allocation traces behind `memquest bench` and the
// BenchmarkDotNet suite (issue: order-0 churn on a half-full 4 GiB box, and mixed orders).
// Timing is done by the caller; this only does the work and returns a checksum of pfns.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Diagnostics;

public sealed class PageAllocTrace
{
    private readonly Machine _machine;
    private readonly long[] _live;
    private readonly int[] _liveOrder;
    private readonly SimRandom _random;

    /// <summary>Boot a box of <paramref name="memTotalKb"/> and fill <paramref name="fillPercent"/> % of it.</summary>
    public PageAllocTrace(long memTotalKb, int fillPercent, bool mixedOrders, ulong seed = 1)
    {
        _machine = Machine.Boot(new MachineSpec(memTotalKb), seed);
        _random = new SimRandom(seed);
        long target = _machine.Node.TotalramPages * fillPercent / 100;
        var live = new List<long>();
        var orders = new List<int>();
        long held = 0;
        while (held < target)
        {
            int order = mixedOrders ? PickOrder() : 0;
            long pfn = _machine.PageAlloc.AllocPages(order, GfpFlags.GfpHighuserMovable);
            if (pfn < 0) break;
            live.Add(pfn);
            orders.Add(order);
            held += 1L << order;
        }
        _live = live.ToArray();
        _liveOrder = orders.ToArray();
    }

    public Machine Machine => _machine;
    public int LivePages => _live.Length;

    /// <summary>Free a random live block and allocate one of the same (or a random) order, <paramref name="pairs"/> times.</summary>
    public long Run(long pairs, bool mixedOrders)
    {
        PageAllocator pa = _machine.PageAlloc;
        long checksum = 0;
        for (long i = 0; i < pairs; i++)
        {
            int slot = (int)_random.Next(_live.Length);
            pa.FreePages(_live[slot], _liveOrder[slot]);
            int order = mixedOrders ? PickOrder() : 0;
            long pfn = pa.AllocPages(order, GfpFlags.GfpHighuserMovable);
            if (pfn < 0) { order = 0; pfn = pa.AllocPages(0, GfpFlags.GfpHighuserMovable); }
            _live[slot] = pfn;
            _liveOrder[slot] = order;
            checksum += pfn;
        }
        return checksum;
    }

    /// <summary>Orders 0..3 weighted towards small ones (8:4:2:1), as page-cache, slab and THP-less faults mix.</summary>
    private int PickOrder()
    {
        long r = _random.Next(15);
        return r < 8 ? 0 : r < 12 ? 1 : r < 14 ? 2 : 3;
    }
}
