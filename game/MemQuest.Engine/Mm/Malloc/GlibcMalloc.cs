// Models glibc 2.36 malloc (malloc/malloc.c, malloc/arena.c; user space), kernel-spec §10: chunk
// sizes (8-byte header, 16-byte alignment, 32-byte minimum), per-arena bins (MallocArena), the top
// chunk and sysmalloc (main arena: brk growth of nb + M_TOP_PAD + MINSIZE − old top; thread arenas:
// mprotect growth inside their 64 MiB reservation; or an mmap of ALIGN(nb + 8, 4096) once
// nb >= mmap_threshold and the top chunk is too small), the dynamic threshold (free of an mmapped
// chunk raises mmap_threshold to its size up to 32 MiB and trim_threshold to twice that), systrim
// of the main heap (brk shrink keeping M_TOP_PAD), and arenas: thread N gets its own arena while
// fewer than MALLOC_ARENA_MAX (default 8 × cores) exist, then shares one round-robin.
// Invariants: every pointer handed out is in exactly one arena's chunks or in the mmapped set.
// Left out: mallopt, calloc, realloc, non-contiguous main heaps when brk fails.
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
    /// <summary>sizeof(heap_info) + sizeof(malloc_state) + alignment at the start of a thread arena's heap.</summary>
    private const long ThreadArenaHeader = 0x8c0;
    private List<MallocArena> _arenas = [new MallocArena(isMain: true)];
    private SortedDictionary<int, int> _threadArena = new();
    private SortedDictionary<long, long> _mmapped = new();
    private int _nextReused;

    public MmapThresholds Thresholds { get; private set; } = new(DefaultMmapThreshold, DefaultMmapThreshold);
    public long MmapThreshold => Thresholds.Mmap;
    public long TrimThreshold => Thresholds.Trim;
    /// <summary>MALLOC_ARENA_MAX (M_ARENA_MAX); 0 = the default 8 × cores.</summary>
    public int ArenaMax { get; set; }
    public IReadOnlyList<MallocArena> Arenas => _arenas;
    public long HeapStart => _arenas[0].HeapStart;
    public long Top => _arenas[0].Top;
    public long TopBytes => _arenas[0].TopBytes;
    public IReadOnlyDictionary<long, long> MmappedChunks => _mmapped;

    /// <summary>request2size: max(MINSIZE, ALIGN(n + SIZE_SZ, 16)).</summary>
    public static long ChunkSize(long request) => Math.Max(MinSize, Units.Align(request + 8, 16));

    /// <summary>malloc(n) from thread <paramref name="thread"/> (0 = the main thread) (__libc_malloc, arena_get, _int_malloc, sysmalloc).</summary>
    public MallocResult Malloc(VirtualMemory vm, Process p, long request, int thread = 0)
    {
        if (request < 0 || request > 1L << 50) return Fail(Errno.ENOMEM, _arenas[0]);
        bool firstCall = thread == 0 ? _arenas[0].HeapStart == 0 : !_threadArena.ContainsKey(thread);
        MallocArena? a = ArenaFor(vm, p, thread);
        if (a is null) return Fail(Errno.ENOMEM, _arenas[0]);
        if (firstCall && IntMalloc(vm, p, a, TcacheStructChunk, out _, out _) is { } tcacheFailed) return tcacheFailed;   // tcache_init
        long nb = ChunkSize(request);
        if (IntMalloc(vm, p, a, nb, out long chunk, out bool grew) is { } err) return err;
        if (_mmapped.TryGetValue(chunk, out long mapBytes))
            return new(Errno.Ok, chunk + 16, true, mapBytes, false, a.HeapStart, a.Top + a.TopBytes, a.TopBytes, chunk, mapBytes);
        return new(Errno.Ok, chunk + 16, false, nb, grew, a.HeapStart, a.Top + a.TopBytes, a.TopBytes);
    }

    /// <summary>arena_get2: the thread's arena, a new one while below the limit, else one reused round-robin.</summary>
    private MallocArena? ArenaFor(VirtualMemory vm, Process p, int thread)
    {
        if (thread == 0) return _arenas[0];
        if (_threadArena.TryGetValue(thread, out int idx)) return _arenas[idx];
        int limit = ArenaMax > 0 ? ArenaMax : 8 * vm.Cpus;
        if (_arenas.Count < limit)
        {
            MallocArena? created = NewThreadArena(vm, p);
            if (created is null) return null;
            _arenas.Add(created);
            idx = _arenas.Count - 1;
        }
        else idx = _nextReused++ % _arenas.Count;
        _threadArena.Add(thread, idx);
        return _arenas[idx];
    }

    /// <summary>new_heap (malloc/arena.c): mmap 2 × HEAP_MAX_SIZE PROT_NONE MAP_NORESERVE, keep the 64 MiB-aligned
    /// half, then mprotect the first 132 KiB read-write.</summary>
    private static MallocArena? NewThreadArena(VirtualMemory vm, Process p)
    {
        const long max = MallocArena.HeapMaxBytes;
        long probe = p.Mm!.Space.GetUnmappedArea(2 * max, thpEnabled: false);
        if (probe < 0) return null;
        long start = Units.Align(probe, max);
        if (vm.MmapAnon(p, max, VmFlags.None, noReserve: true, fixedAddr: start) < 0) return null;
        long rw = Units.PageAlign(ThreadArenaHeader + TopPad);
        if (vm.Mprotect(p, start, rw, VmFlags.Read | VmFlags.Write) != Errno.Ok) { vm.Munmap(p, start, max); return null; }
        vm.Faults.Handle(p, start, write: true);
        return new MallocArena(isMain: false)
        {
            HeapStart = start, Top = start + ThreadArenaHeader, TopBytes = rw - ThreadArenaHeader, ReservedEnd = start + max,
        };
    }

    private MallocResult? IntMalloc(VirtualMemory vm, Process p, MallocArena a, long nb, out long chunk, out bool grew)
    {
        grew = false;
        chunk = a.TakeFromBins(vm, p, nb);
        if (chunk >= 0) return null;
        if (a.TopBytes < nb + MinSize)
        {
            if (nb >= Thresholds.Mmap)
            {
                long len = Units.Align(nb + 8, Units.PageSize);
                long addr = vm.MmapAnon(p, len, writable: true, noReserve: false);
                if (addr < 0) return Fail(Errno.ENOMEM, a);
                _mmapped.Add(addr, len);
                chunk = addr;
                vm.Faults.Handle(p, addr, write: true);   // the chunk header
                return null;
            }
            Errno e = a.IsMain ? SysmallocBrk(vm, p, a, nb) : a.GrowThreadHeap(vm, p, nb);
            if (e != Errno.Ok) return Fail(e, a);
            grew = true;
        }
        chunk = a.TakeFromTop(vm, p, nb);
        return null;
    }

    /// <summary>sysmalloc's brk path: extend the heap by nb + M_TOP_PAD + MINSIZE − old top, page aligned.</summary>
    private static Errno SysmallocBrk(VirtualMemory vm, Process p, MallocArena a, long nb)
    {
        AddressSpace s = p.Mm!.Space;
        if (a.HeapStart == 0) { a.HeapStart = a.Top = s.Brk; a.TopBytes = 0; }
        long size = Units.PageAlign(nb + TopPad + MinSize - a.TopBytes);
        if (vm.Brk(p, s.Brk + size) != Errno.Ok) return Errno.ENOMEM;
        a.TopBytes += size;
        return Errno.Ok;
    }

    /// <summary>free(ptr) (__libc_free → munmap_chunk, tcache_put, _int_free, systrim). EINVAL for a pointer
    /// malloc did not return ("free(): invalid pointer").</summary>
    public MallocResult Free(VirtualMemory vm, Process p, long ptr)
    {
        long chunk = ptr - 16;
        MallocArena main = _arenas[0];
        if (_mmapped.Count > 0 && _mmapped.TryGetValue(chunk, out long mapBytes))
        {
            _mmapped.Remove(chunk);
            vm.Munmap(p, chunk, mapBytes);
            if (mapBytes > Thresholds.Mmap && mapBytes <= MmapThresholdMax) Thresholds = new(mapBytes, 2 * mapBytes);
            return new(Errno.Ok, ptr, true, mapBytes, false, main.HeapStart, main.Top + main.TopBytes, main.TopBytes, chunk, mapBytes);
        }
        MallocArena? a = null;
        long size = -1, coalesced = 0;
        for (int i = 0; i < _arenas.Count && size < 0; i++)
        {
            a = _arenas[i];
            size = a.Release(chunk, out _, out coalesced);   // -1 (and no change) when the arena does not own it
        }
        if (size < 0 || a is null) return Fail(Errno.EINVAL, main);
        long trimmed = a.IsMain && coalesced >= 64 * 1024 ? Systrim(vm, p, a) : 0;   // FASTBIN_CONSOLIDATION_THRESHOLD
        return new(Errno.Ok, ptr, false, size, false, a.HeapStart, a.Top + a.TopBytes, a.TopBytes, TrimmedBytes: trimmed);
    }

    /// <summary>systrim (malloc/malloc.c): when the top chunk reaches trim_threshold, give back all but M_TOP_PAD.</summary>
    private long Systrim(VirtualMemory vm, Process p, MallocArena a)
    {
        if (a.TopBytes < Thresholds.Trim) return 0;
        long extra = Units.AlignDown(a.TopBytes - TopPad - MinSize - 1, Units.PageSize);
        if (extra <= 0 || vm.Brk(p, p.Mm!.Space.Brk - extra) != Errno.Ok) return 0;
        a.TopBytes -= extra;
        return extra;
    }

    private static MallocResult Fail(Errno e, MallocArena a) => new(e, 0, false, 0, false, a.HeapStart, a.Top + a.TopBytes, a.TopBytes);

    public GlibcMalloc Clone() => new()
    {
        Thresholds = Thresholds, ArenaMax = ArenaMax, _nextReused = _nextReused,
        _arenas = _arenas.Select(a => a.Clone()).ToList(), _threadArena = new(_threadArena), _mmapped = new(_mmapped),
    };

    public void AddToDigest(DigestWriter w)
    {
        w.Add(Thresholds.Mmap); w.Add(Thresholds.Trim); w.Add(ArenaMax); w.Add(_nextReused); w.Add(_arenas.Count);
        foreach (MallocArena a in _arenas) a.AddToDigest(w);
        foreach (var (t, i) in _threadArena) { w.Add(t); w.Add(i); }
        foreach (var (a, s) in _mmapped) { w.Add(a); w.Add(s); }
    }
}
