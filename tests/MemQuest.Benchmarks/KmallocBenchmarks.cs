// BenchmarkDotNet: kmalloc+kfree pairs on small size classes of a booted 4 GiB box (kernel-spec §6),
// receipts off. The target is >= 20 M pairs/s.
using BenchmarkDotNet.Attributes;
using MemQuest.Engine;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Slab;

namespace MemQuest.Benchmarks;

[MemoryDiagnoser]
public class KmallocBenchmarks
{
    private const int Pairs = 1_000_000;
    private static readonly long[] Sizes = [8, 16, 32, 64, 96, 128, 192, 256];
    private SlabAllocator _slab = null!;

    [GlobalSetup]
    public void Setup() => _slab = Machine.Boot(MachineSpec.Default, 1).Slab;

    [Benchmark(OperationsPerInvoke = Pairs)]
    public void KmallocKfreeSmallClasses()
    {
        for (int i = 0; i < Pairs; i++) _slab.Kfree(_slab.Kmalloc(Sizes[i & 7], GfpFlags.GfpKernel));
    }
}
