// Not a kernel structure: a per-pfn int that most pages never need (the page-cache index, the
// memcg owner), stored in 64 Ki-page chunks allocated on first write. mem_map stays at 15 bytes a
// page; these words cost 4 bytes a page only in the 256 MiB ranges that actually hold such pages.
// Invariants: an unwritten entry reads 0.
namespace MemQuest.Engine.PageAlloc;

public sealed class SparsePfnArray(long endPfn)
{
    private const int ChunkShift = 16;
    private const int ChunkMask = (1 << ChunkShift) - 1;
    private readonly int[]?[] _chunks = new int[]?[(endPfn + ChunkMask) >> ChunkShift];

    public long Length { get; } = endPfn;

    public int this[long pfn]
    {
        get => _chunks[pfn >> ChunkShift] is { } chunk ? chunk[pfn & ChunkMask] : 0;
        set
        {
            int[]? chunk = _chunks[pfn >> ChunkShift];
            if (chunk is null)
            {
                if (value == 0) return;
                chunk = _chunks[pfn >> ChunkShift] = new int[1 << ChunkShift];
            }
            chunk[pfn & ChunkMask] = value;
        }
    }

    /// <summary>Every non-zero entry in ascending pfn order.</summary>
    public IEnumerable<(long Pfn, int Value)> NonZero()
    {
        for (long c = 0; c < _chunks.Length; c++)
        {
            int[]? chunk = _chunks[c];
            if (chunk is null) continue;
            for (int i = 0; i < chunk.Length; i++)
                if (chunk[i] != 0) yield return ((c << ChunkShift) + i, chunk[i]);
        }
    }
}
