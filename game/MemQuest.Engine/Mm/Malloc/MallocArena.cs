// Models one glibc malloc arena (struct malloc_state, malloc/malloc.c and malloc/arena.c), kernel-spec
// §10: its heap (the brk heap for the main arena; a 64 MiB-aligned, 64 MiB PROT_NONE reservation made
// read-write as it grows for a thread arena), the top chunk, the chunks in use, the coalescing free
// chunks (best fit) and the tcache/fastbin chunks that never coalesce.
// Invariants: chunks and free chunks tile [HeapStart, Top); Top + TopBytes is the end of the usable heap.
// Left out: unsorted/small/large bin order (best fit stands in for it), heap trimming of thread arenas.
// Lookups are indexed (free chunks by size and by end, cached chunks by size) so a malloc or free costs
// O(log n) however many chunks the heap holds; the choices are those of the address-ordered scans.
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Mm.Malloc;

public sealed class MallocArena
{
    /// <summary>HEAP_MAX_SIZE on 64-bit: 2 × DEFAULT_MMAP_THRESHOLD_MAX.</summary>
    public const long HeapMaxBytes = 64L << 20;
    /// <summary>Chunk address → size: in use, free (coalescing) and cached (tcache/fastbins). Hashed for
    /// O(1) lookups; the digest writes them in address order.</summary>
    private Dictionary<long, long> _inUse = [];
    private Dictionary<long, long> _free = [];
    private Dictionary<long, long> _cached = [];
    /// <summary>Indexes over _free: the distinct sizes ascending, each size's chunks by address, and each chunk's start by its end.</summary>
    private List<long> _freeSizes = [];
    private Dictionary<long, SortedSet<long>> _freeBySize = [];
    private Dictionary<long, long> _freeStartByEnd = [];
    /// <summary>Emptied sets of _freeBySize, reused: a heap whose free chunk grows by one chunk at a time
    /// (a FIFO cache freeing its oldest objects) gives it a new size, and so a new set, on every free.</summary>
    private readonly Stack<SortedSet<long>> _spareSets = new();
    /// <summary>Index over _cached: each size's chunks by address.</summary>
    private Dictionary<long, SortedSet<long>> _cachedBySize = [];

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
        if (_cachedBySize.TryGetValue(nb, out SortedSet<long>? sameSize) && sameSize.Count > 0)
        {
            long addr = sameSize.Min;
            RemoveCached(addr, nb);
            _inUse.Add(addr, nb);
            return addr;
        }
        int i = _freeSizes.BinarySearch(nb);
        if (i < 0) i = ~i;
        if (i == _freeSizes.Count) return -1;
        long bestSize = _freeSizes[i];
        long best = _freeBySize[bestSize].Min;   // the smallest fit; the lowest address among equals
        RemoveFree(best, bestSize);
        if (bestSize - nb >= GlibcMalloc.MinSize)
        {
            AddFree(best + nb, bestSize - nb);
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
        if (!_inUse.Remove(chunk, out long size)) return -1;
        if (size <= GlibcMalloc.TcacheMaxChunk && CachedOfSize(size) < GlibcMalloc.TcacheCount || size <= GlibcMalloc.FastbinMaxChunk)
        {
            AddCached(chunk, size);
            return size;
        }
        long start = chunk, total = size;
        if (_freeStartByEnd.TryGetValue(start, out long before)) { long s = start - before; RemoveFree(before, s); start = before; total += s; }   // it ends where the chunk starts
        if (_free.TryGetValue(start + total, out long next)) { RemoveFree(start + total, next); total += next; }
        coalesced = total;
        if (start + total != Top) { AddFree(start, total); return size; }
        Top = start;
        TopBytes += total;
        intoTop = true;
        return size;
    }

    private void AddFree(long addr, long size)
    {
        _free.Add(addr, size);
        _freeStartByEnd.Add(addr + size, addr);
        if (!_freeBySize.TryGetValue(size, out SortedSet<long>? chunks))
        {
            _freeBySize.Add(size, chunks = _spareSets.Count > 0 ? _spareSets.Pop() : []);
            _freeSizes.Insert(~_freeSizes.BinarySearch(size), size);
        }
        chunks.Add(addr);
    }

    private void RemoveFree(long addr, long size)
    {
        _free.Remove(addr);
        _freeStartByEnd.Remove(addr + size);
        SortedSet<long> chunks = _freeBySize[size];
        chunks.Remove(addr);
        if (chunks.Count > 0) return;
        _freeBySize.Remove(size);
        _spareSets.Push(chunks);
        _freeSizes.RemoveAt(_freeSizes.BinarySearch(size));
    }

    private int CachedOfSize(long size) => _cachedBySize.TryGetValue(size, out SortedSet<long>? chunks) ? chunks.Count : 0;

    private void AddCached(long addr, long size)
    {
        _cached.Add(addr, size);
        if (!_cachedBySize.TryGetValue(size, out SortedSet<long>? chunks)) _cachedBySize.Add(size, chunks = []);
        chunks.Add(addr);
    }

    private void RemoveCached(long addr, long size)
    {
        _cached.Remove(addr);
        _cachedBySize[size].Remove(addr);
    }

    public MallocArena Clone() => new(IsMain)
    {
        HeapStart = HeapStart, Top = Top, TopBytes = TopBytes, ReservedEnd = ReservedEnd,
        _inUse = new(_inUse), _free = new(_free), _cached = new(_cached),
        _freeSizes = [.. _freeSizes], _freeStartByEnd = new(_freeStartByEnd),
        _freeBySize = _freeBySize.ToDictionary(e => e.Key, e => new SortedSet<long>(e.Value)),
        _cachedBySize = _cachedBySize.ToDictionary(e => e.Key, e => new SortedSet<long>(e.Value)),
    };

    public void AddToDigest(DigestWriter w)
    {
        w.Add(IsMain ? 1 : 0); w.Add(HeapStart); w.Add(Top); w.Add(TopBytes); w.Add(ReservedEnd);
        foreach (var d in new[] { _inUse, _free, _cached })
        {
            w.Add(d.Count);
            long[] addresses = [.. d.Keys];
            Array.Sort(addresses);
            foreach (long a in addresses) { w.Add(a); w.Add(d[a]); }
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
