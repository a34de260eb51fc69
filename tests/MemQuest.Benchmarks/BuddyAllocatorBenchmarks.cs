// The buddy allocator's hot path (issue 3): a 4 GiB box half full of order-0 pages, then free a
// random live page and allocate one; and a mixed-order trace. Receipts are off (nobody listens),
// as during a game tick; the per-operation cost is reported per 1 M alloc+free pairs.
using BenchmarkDotNet.Attributes;
using MemQuest.Engine.Diagnostics;

namespace MemQuest.Benchmarks;

[MemoryDiagnoser]
public class BuddyAllocatorBenchmarks
{
    private const long Pairs = 1_000_000;
    private PageAllocTrace _order0 = null!;
    private PageAllocTrace _mixed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _order0 = new PageAllocTrace(4L * 1024 * 1024, 50, mixedOrders: false);
        _mixed = new PageAllocTrace(4L * 1024 * 1024, 50, mixedOrders: true);
    }

    [Benchmark(OperationsPerInvoke = (int)Pairs)]
    public long Order0AllocFreePairs() => _order0.Run(Pairs, mixedOrders: false);

    [Benchmark(OperationsPerInvoke = (int)Pairs)]
    public long MixedOrderAllocFreePairs() => _mixed.Run(Pairs, mixedOrders: true);
}
