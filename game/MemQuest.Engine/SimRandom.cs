// Models nothing in the kernel: the engine's only source of randomness (architecture §2.6).
// SplitMix64, seeded from the scenario; its State goes into Machine.Digest().
namespace MemQuest.Engine;

public sealed class SimRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong State => _state;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, maxExclusive) without modulo bias worth noticing for our ranges.</summary>
    public long Next(long maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive));
        return (long)(NextUInt64() % (ulong)maxExclusive);
    }

    public long Next(long minInclusive, long maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);
}
