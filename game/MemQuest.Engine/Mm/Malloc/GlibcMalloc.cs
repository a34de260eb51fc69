// Models glibc 2.36 malloc for the main arena (malloc/malloc.c, user space), kernel-spec §10:
// chunk sizes (8-byte header, 16-byte alignment, 32-byte minimum), the tcache (7 chunks per size up
// to 1040 bytes) and fastbins (up to 128 bytes) that never coalesce, best-fit reuse of free chunks
// with coalescing, the top chunk and sysmalloc (brk growth of nb + M_TOP_PAD + MINSIZE, or an
// mmap of ALIGN(nb + 8, 4096) once nb >= mmap_threshold and the top chunk is too small), the
// dynamic threshold (free of an mmapped chunk raises mmap_threshold to its size up to 32 MiB and
// trim_threshold to twice that) and systrim (brk shrink keeping M_TOP_PAD).
// Invariants: heap chunks tile [HeapStart, Top) exactly; Top + TopBytes == brk end.
// Left out: threads and extra arenas (MALLOC_ARENA_MAX; the lab's programs are single-threaded),
//   non-contiguous heaps when brk fails, mallopt, calloc, realloc.
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Mm.Malloc;

public sealed class GlibcMalloc
{
    public const long MinSize = 32;
    public const long DefaultMmapThreshold = 128 * 1024;
    public const long MmapThresholdMax = 32L * 1024 * 1024;
    public const long TopPad = 128 * 1024;
    public const long TcacheMaxChunk = 1040;
    public const int TcacheCount = 7;
    public const long FastbinMaxChunk = 128;
    private const long TcacheStructChunk = 0x290;
    private SortedDictionary<long, long> _inUse = new();     // chunk address → chunk size
    private SortedDictionary<long, long> _free = new();      // coalescing free chunks
    private SortedDictionary<long, long> _cached = new();    // tcache / fastbin chunks (never coalesce)
    private SortedDictionary<long, long> _mmapped = new();   // chunk address → mapping size

    public long MmapThreshold { get; private set; } = DefaultMmapThreshold;
    public long TrimThreshold { get; private set; } = DefaultMmapThreshold;
    public long HeapStart { get; private set; }
    public long Top { get; private set; }
    public long TopBytes { get; private set; }
    public bool TcacheReady { get; private set; }
    public IReadOnlyDictionary<long, long> MmappedChunks => _mmapped;

    /// <summary>request2size: max(MINSIZE, ALIGN(n + SIZE_SZ, 16)).</summary>
    public static long ChunkSize(long request) => Math.Max(MinSize, Units.Align(request + 8, 16));

    /// <summary>malloc(n) (__libc_malloc → tcache, _int_malloc, sysmalloc).</summary>
    public MallocResult Malloc(VirtualMemory vm, Process p, long request)
    {
        if (request < 0 || request > long.MaxValue / 4) return Fail(Errno.ENOMEM);
        if (!TcacheReady)
        {
            TcacheReady = true;
            if (IntMalloc(vm, p, TcacheStructChunk, out _, out _) is { } failed) return failed;
        }
        long nb = ChunkSize(request);
        MallocResult? err = IntMalloc(vm, p, nb, out long chunk, out bool grew);
        if (err is not null) return err;
        if (_mmapped.TryGetValue(chunk, out long mapBytes))
            return new(Errno.Ok, chunk + 16, true, mapBytes, false, HeapStart, Top + TopBytes, TopBytes, chunk, mapBytes);
        return new(Errno.Ok, chunk + 16, false, nb, grew, HeapStart, Top + TopBytes, TopBytes);
    }

    private MallocResult? IntMalloc(VirtualMemory vm, Process p, long nb, out long chunk, out bool grew)
    {
        grew = false;
        chunk = TakeCached(nb);
        if (chunk < 0) chunk = TakeBestFit(vm, p, nb);
        if (chunk >= 0) return null;
        if (TopBytes < nb + MinSize)
        {
            if (nb >= MmapThreshold)
            {
                long len = Units.Align(nb + 8, Units.PageSize);
                long addr = vm.MmapAnon(p, len, writable: true, noReserve: false);
                if (addr < 0) return Fail(Errno.ENOMEM);
                _mmapped.Add(addr, len);
                chunk = addr;
                vm.Faults.Handle(p, addr, write: true);   // the chunk header
                return null;
            }
            if (SysmallocBrk(vm, p, nb) is { } e) return Fail(e);
            grew = true;
        }
        chunk = Top;
        Top += nb;
        TopBytes -= nb;
        _inUse.Add(chunk, nb);
        vm.Faults.Handle(p, chunk, write: true);   // set_head of the chunk
        vm.Faults.Handle(p, Top, write: true);     // set_head of the new top
        return null;
    }

    /// <summary>sysmalloc's brk path: extend the heap by nb + M_TOP_PAD + MINSIZE − old top, page aligned.</summary>
    private Errno? SysmallocBrk(VirtualMemory vm, Process p, long nb)
    {
        AddressSpace s = p.Mm!.Space;
        if (HeapStart == 0) { HeapStart = Top = s.Brk; TopBytes = 0; }
        long size = Units.PageAlign(nb + TopPad + MinSize - TopBytes);
        if (vm.Brk(p, s.Brk + size) != Errno.Ok) return Errno.ENOMEM;
        TopBytes += size;
        return null;
    }

    private long TakeCached(long nb)
    {
        foreach (var (addr, size) in _cached)
            if (size == nb) { _cached.Remove(addr); _inUse.Add(addr, size); return addr; }
        return -1;
    }

    private long TakeBestFit(VirtualMemory vm, Process p, long nb)
    {
        long best = -1, bestSize = long.MaxValue;
        foreach (var (addr, size) in _free)
            if (size >= nb && size < bestSize) { best = addr; bestSize = size; }
        if (best < 0) return -1;
        _free.Remove(best);
        if (bestSize - nb >= MinSize)
        {
            _free.Add(best + nb, bestSize - nb);
            vm.Faults.Handle(p, best + nb, write: true);
            bestSize = nb;
        }
        _inUse.Add(best, bestSize);
        return best;
    }

    /// <summary>free(ptr) (__libc_free → munmap_chunk, tcache_put, _int_free, systrim). EINVAL for a pointer
    /// malloc did not return ("free(): invalid pointer").</summary>
    public MallocResult Free(VirtualMemory vm, Process p, long ptr)
    {
        long chunk = ptr - 16;
        if (_mmapped.TryGetValue(chunk, out long mapBytes))
        {
            _mmapped.Remove(chunk);
            vm.Munmap(p, chunk, mapBytes);
            if (mapBytes > MmapThreshold && mapBytes <= MmapThresholdMax) { MmapThreshold = mapBytes; TrimThreshold = 2 * mapBytes; }
            return new(Errno.Ok, ptr, true, mapBytes, false, HeapStart, Top + TopBytes, TopBytes, chunk, mapBytes);
        }
        if (!_inUse.TryGetValue(chunk, out long size)) return Fail(Errno.EINVAL);
        _inUse.Remove(chunk);
        if (size <= TcacheMaxChunk && CachedOfSize(size) < TcacheCount || size <= FastbinMaxChunk)
        {
            _cached.Add(chunk, size);
            return new(Errno.Ok, ptr, false, size, false, HeapStart, Top + TopBytes, TopBytes);
        }
        long trimmed = Coalesce(vm, p, chunk, size);
        return new(Errno.Ok, ptr, false, size, false, HeapStart, Top + TopBytes, TopBytes, TrimmedBytes: trimmed);
    }

    private int CachedOfSize(long size) => _cached.Values.Count(s => s == size);

    private long Coalesce(VirtualMemory vm, Process p, long chunk, long size)
    {
        foreach (var (addr, s) in _free)
            if (addr + s == chunk) { _free.Remove(addr); chunk = addr; size += s; break; }
        if (_free.TryGetValue(chunk + size, out long next)) { _free.Remove(chunk + size); size += next; }
        if (chunk + size != Top) { _free.Add(chunk, size); return 0; }
        Top = chunk;
        TopBytes += size;
        if (size < 64 * 1024 || TopBytes < TrimThreshold) return 0;
        long extra = Units.AlignDown(TopBytes - TopPad - MinSize - 1, Units.PageSize);
        if (extra <= 0 || vm.Brk(p, p.Mm!.Space.Brk - extra) != Errno.Ok) return 0;
        TopBytes -= extra;
        return extra;
    }

    private MallocResult Fail(Errno e) => new(e, 0, false, 0, false, HeapStart, Top + TopBytes, TopBytes);

    public GlibcMalloc Clone() => new()
    {
        MmapThreshold = MmapThreshold, TrimThreshold = TrimThreshold, HeapStart = HeapStart, Top = Top, TopBytes = TopBytes,
        TcacheReady = TcacheReady, _inUse = new(_inUse), _free = new(_free), _cached = new(_cached), _mmapped = new(_mmapped),
    };

    public void AddToDigest(DigestWriter w)
    {
        w.Add(MmapThreshold); w.Add(TrimThreshold); w.Add(HeapStart); w.Add(Top); w.Add(TopBytes); w.Add(TcacheReady ? 1 : 0);
        foreach (var d in new[] { _inUse, _free, _cached, _mmapped })
        {
            w.Add(d.Count);
            foreach (var (a, s) in d) { w.Add(a); w.Add(s); }
        }
    }
}
