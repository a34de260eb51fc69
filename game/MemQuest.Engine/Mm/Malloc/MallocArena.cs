// Models one glibc malloc arena (struct malloc_state, malloc/malloc.c and malloc/arena.c), kernel-spec
// §10: its heap (the brk heap for the main arena; a 64 MiB-aligned, 64 MiB PROT_NONE reservation made
// read-write as it grows for a thread arena), the top chunk, the chunks in use, the coalescing free
// chunks (best fit) and the tcache/fastbin chunks that never coalesce.
// Invariants: chunks and free chunks tile [HeapStart, Top); Top + TopBytes is the end of the usable heap.
// Left out: unsorted/small/large bin order (best fit stands in for it), heap trimming of thread arenas.
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Mm.Malloc;

public sealed class MallocArena
{
    /// <summary>HEAP_MAX_SIZE on 64-bit: 2 × DEFAULT_MMAP_THRESHOLD_MAX.</summary>
    public const long HeapMaxBytes = 64L << 20;
    private SortedDictionary<long, long> _inUse = new();
    private SortedDictionary<long, long> _free = new();
    private SortedDictionary<long, long> _cached = new();

    public MallocArena(bool isMain) => IsMain = isMain;

    public bool IsMain { get; }
    public long HeapStart { get; set; }
    public long Top { get; set; }
    public long TopBytes { get; set; }
    /// <summary>Thread arenas: the end of the 64 MiB reservation.</summary>
    public long ReservedEnd { get; set; }

    public bool Owns(long chunk) => _inUse.ContainsKey(chunk);

    /// <summary>The tcache/fastbins, then best fit among free chunks; -1 if neither has room.</summary>
    public long TakeFromBins(VirtualMemory vm, Process p, long nb)
    {
        foreach (var (addr, size) in _cached)
            if (size == nb) { _cached.Remove(addr); _inUse.Add(addr, size); return addr; }
        long best = -1, bestSize = long.MaxValue;
        foreach (var (addr, size) in _free)
            if (size >= nb && size < bestSize) { best = addr; bestSize = size; }
        if (best < 0) return -1;
        _free.Remove(best);
        if (bestSize - nb >= GlibcMalloc.MinSize)
        {
            _free.Add(best + nb, bestSize - nb);
            vm.Faults.Handle(p, best + nb, write: true);
            bestSize = nb;
        }
        _inUse.Add(best, bestSize);
        return best;
    }

    /// <summary>Split nb bytes off the top chunk (the caller made sure it is big enough).</summary>
    public long TakeFromTop(VirtualMemory vm, Process p, long nb)
    {
        long chunk = Top;
        Top += nb;
        TopBytes -= nb;
        _inUse.Add(chunk, nb);
        vm.Faults.Handle(p, chunk, write: true);   // set_head of the chunk
        vm.Faults.Handle(p, Top, write: true);     // set_head of the new top
        return chunk;
    }

    /// <summary>_int_free for a heap chunk: to the tcache or a fastbin, else coalesce (into top when adjacent).
    /// Returns the chunk size, or -1 for a pointer this arena did not hand out.</summary>
    public long Release(long chunk, out bool intoTop, out long coalesced)
    {
        intoTop = false;
        coalesced = 0;
        if (!_inUse.TryGetValue(chunk, out long size)) return -1;
        _inUse.Remove(chunk);
        if (size <= GlibcMalloc.TcacheMaxChunk && _cached.Values.Count(s => s == size) < GlibcMalloc.TcacheCount || size <= GlibcMalloc.FastbinMaxChunk)
        {
            _cached.Add(chunk, size);
            return size;
        }
        long start = chunk, total = size;
        foreach (var (addr, s) in _free)
            if (addr + s == start) { _free.Remove(addr); start = addr; total += s; break; }
        if (_free.TryGetValue(start + total, out long next)) { _free.Remove(start + total); total += next; }
        coalesced = total;
        if (start + total != Top) { _free.Add(start, total); return size; }
        Top = start;
        TopBytes += total;
        intoTop = true;
        return size;
    }

    public MallocArena Clone() => new(IsMain)
    {
        HeapStart = HeapStart, Top = Top, TopBytes = TopBytes, ReservedEnd = ReservedEnd,
        _inUse = new(_inUse), _free = new(_free), _cached = new(_cached),
    };

    public void AddToDigest(DigestWriter w)
    {
        w.Add(IsMain ? 1 : 0); w.Add(HeapStart); w.Add(Top); w.Add(TopBytes); w.Add(ReservedEnd);
        foreach (var d in new[] { _inUse, _free, _cached })
        {
            w.Add(d.Count);
            foreach (var (a, s) in d) { w.Add(a); w.Add(s); }
        }
    }

    /// <summary>grow_heap (malloc/arena.c): make more of a thread arena's reservation read-write.</summary>
    public Errno GrowThreadHeap(VirtualMemory vm, Process p, long nb)
    {
        long rwEnd = Top + TopBytes;
        long newEnd = Units.PageAlign(Top + nb + GlibcMalloc.MinSize + GlibcMalloc.TopPad);
        newEnd = Math.Min(newEnd, ReservedEnd);
        if (newEnd - Top < nb + GlibcMalloc.MinSize) return Errno.ENOMEM;
        if (vm.Mprotect(p, rwEnd, newEnd - rwEnd, VmFlags.Read | VmFlags.Write) != Errno.Ok) return Errno.ENOMEM;
        TopBytes = newEnd - Top;
        return Errno.Ok;
    }
}
