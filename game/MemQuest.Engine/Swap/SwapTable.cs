// Models the swap areas of mm/swapfile.c and the swap cache of mm/swap_state.c, kernel-spec §12:
// swapon/swapoff (auto priorities -2, -3, ... as 6.x assigns them), get_swap_page from the highest
// priority area, total_swap_pages and nr_swap_pages (SwapTotal/SwapFree), swap-in of a page
// (pswpin, pgmajfault) that stays in the swap cache (SwapCached) until written or freed.
// Swap entry = type << 26 | slot. /etc/fstab's entries are what `swapon -a` turns on.
// Invariants: FreePages == Σ (usable - inuse) over active areas; a swap-cache page holds its slot.
// Not modelled: readahead (page-cluster), zswap, frontswap, discard, swap cgroup accounting.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Swap;

public sealed class SwapTable(PgData node, PageAllocator alloc, Lruvec lru, VmEvents events)
{
    /// <summary>Entry = type &lt;&lt; 26 | slot: fits the int a PTE stores; an area holds at most 2^26 pages (256 GiB).</summary>
    public const int TypeShift = 26;
    private readonly List<SwapInfo?> _areas = [];
    private readonly SortedDictionary<int, long> _swapCache = new();
    private int _leastPriority = -1;

    /// <summary>Swap areas listed in /etc/fstab: path, size in pages, partition or file.</summary>
    public List<(string Path, long SizePages, bool IsPartition)> Fstab { get; } = [];

    /// <summary>Files mkswap has written a swap header into: path → size in pages (what swapon will use).</summary>
    public SortedDictionary<string, long> Signatures { get; } = new(StringComparer.Ordinal);

    /// <summary>Active areas in swapon order (the order /proc/swaps and swapon --show list them).</summary>
    public IEnumerable<SwapInfo> Areas => _areas.Where(a => a is not null)!;

    /// <summary>total_swap_pages (SwapTotal, CommitLimit, OOM totalpages).</summary>
    public long TotalPages => Areas.Sum(a => a.UsablePages);

    /// <summary>get_nr_swap_pages (SwapFree).</summary>
    public long FreePages => Areas.Sum(a => a.UsablePages - a.InusePages);

    /// <summary>total_swapcache_pages (SwapCached).</summary>
    public long SwapCachePages => _swapCache.Count;

    public bool IsActive(string path) => Areas.Any(a => a.Path == path);

    /// <summary>sys_swapon (mm/swapfile.c): activate an area; priority -1 means the next automatic one.
    /// Returns the kernel log line ("Adding 65532k swap on ...").</summary>
    public string Swapon(string path, long sizePages, bool isPartition, int priority = -1)
    {
        if (IsActive(path)) throw new InvalidOperationException($"{path} is already active");
        int prio = priority >= 0 ? priority : --_leastPriority;
        if (sizePages > 1L << TypeShift) throw new ArgumentOutOfRangeException(nameof(sizePages), "a swap area holds at most 256 GiB here");
        var si = new SwapInfo(path, isPartition, sizePages, prio);
        int type = _areas.IndexOf(null);
        if (type < 0) { type = _areas.Count; _areas.Add(si); } else _areas[type] = si;
        return $"Adding {Units.K(si.UsablePages)}k swap on {path}.  Priority:{prio} extents:1 across:{Units.K(si.UsablePages)}k ";
    }

    /// <summary>sys_swapoff: an area with slots in use needs try_to_unuse from the page-table owner.
    /// Returns false (ENOMEM) when its pages cannot all be brought back.</summary>
    public bool Swapoff(string path, IAnonRmap? rmap)
    {
        int type = _areas.FindIndex(a => a is not null && a.Path == path);
        if (type < 0) throw new InvalidOperationException($"{path} is not active");
        if (_areas[type]!.InusePages > 0 && ShmemUnuse is not null && !ShmemUnuse(type)) return false;
        if (_areas[type]!.InusePages > 0 && (rmap is null || !rmap.UnuseSwapArea(type))) return false;
        foreach (var (pfn, entry) in _swapCache.ToList())
            if (TypeOf(entry) == type) DeleteFromSwapCache(pfn);
        if (_areas[type]!.InusePages > 0) return false;
        if (_areas[type]!.Priority < 0) _leastPriority++;
        _areas[type] = null;
        return true;
    }

    public static int TypeOf(long entry) => (int)(entry >> TypeShift);
    public static long SlotOf(long entry) => entry & ((1L << TypeShift) - 1);

    /// <summary>folio_alloc_swap (mm/swapfile.c): a slot on the highest-priority area with room, or -1.</summary>
    public long GetSwapPage()
    {
        SwapInfo? best = null;
        int bestType = -1;
        for (int t = 0; t < _areas.Count; t++)
        {
            SwapInfo? a = _areas[t];
            if (a is null || a.InusePages >= a.UsablePages) continue;
            if (best is null || a.Priority > best.Priority) { best = a; bestType = t; }
        }
        if (best is null) return -1;
        return ((long)bestType << TypeShift) | best.AllocSlot();
    }

    /// <summary>swap_free / free_swap_and_cache: the entry's slot is free again.</summary>
    public void FreeEntry(long entry)
    {
        SwapInfo a = _areas[TypeOf(entry)] ?? throw new InvalidOperationException($"swap entry {entry:x} is on no active area");
        a.FreeSlot(SlotOf(entry));
    }

    /// <summary>swap_duplicate for an entry (fork).</summary>
    public void DuplicateEntry(long entry)
    {
        SwapInfo a = _areas[TypeOf(entry)] ?? throw new InvalidOperationException($"swap entry {entry:x} is on no active area");
        a.Duplicate(SlotOf(entry));
    }

    /// <summary>swap_writepage: the page's contents are on the swap device now (pswpout, pgpgout in kB).</summary>
    public void WritePage()
    {
        events.Count(VmEventItem.Pswpout);
        events.Count(VmEventItem.Pgpgout, Units.K(1));
    }

    /// <summary>do_swap_page's read (mm/memory.c): a new anon page on the inactive anon LRU holding the
    /// entry's contents (pswpin, pgmajfault), in the swap cache (SwapCached). The caller maps it,
    /// counts NR_ANON_MAPPED and MM_ANONPAGES/MM_SWAPENTS and drops its PTE's reference with
    /// FreeEntry. A write fault (<paramref name="write"/>) also leaves the swap cache, so the slot
    /// frees once no PTE names it; a read fault keeps the clean copy on swap. Returns the pfn or -1.</summary>
    public long SwapIn(long entry, bool write)
    {
        long pfn = alloc.AllocPages(0, GfpFlags.GfpHighuserMovable);
        if (pfn < 0) return -1;
        int p = (int)pfn;
        node.Map.Flags[p] |= PageFlags.Anon;
        lru.Add(p, LruList.InactiveAnon);
        events.Count(VmEventItem.Pswpin);
        events.Count(VmEventItem.Pgmajfault);
        events.Count(VmEventItem.Pgpgin, Units.K(1));
        AddToSwapCache(p, entry);
        if (write) DeleteFromSwapCache(p);
        return pfn;
    }

    /// <summary>swap_read_folio for a tmpfs page (shmem_swapin_folio): a fresh page holding an entry's
    /// contents (pswpin, pgpgin in kB); the caller puts it in its file and drops the entry. Returns the pfn or -1.</summary>
    public int ReadPage()
    {
        long pfn = alloc.AllocPages(0, GfpFlags.GfpHighuserMovable);
        if (pfn < 0) return -1;
        events.Count(VmEventItem.Pswpin);
        events.Count(VmEventItem.Pgpgin, Units.K(1));
        return (int)pfn;
    }

    /// <summary>shmem_unuse, run by swapoff before the page tables are walked (set by the page cache).</summary>
    public Func<int, bool>? ShmemUnuse { get; set; }

    /// <summary>add_to_swap_cache: the cache holds one reference on the slot (SWAP_HAS_CACHE);
    /// NR_SWAPCACHE and NR_FILE_PAGES both count the page.</summary>
    public void AddToSwapCache(int pfn, long entry)
    {
        DuplicateEntry(entry);
        _swapCache.Add(pfn, entry);
        node.Map.Flags[pfn] |= PageFlags.SwapCache;
        node.AddStat(NodeStatItem.NrSwapcached, 1);
        node.AddStat(NodeStatItem.NrFilePages, 1);
    }

    /// <summary>The swap entry of a swap-cache page, or -1.</summary>
    public long EntryOf(int pfn) => _swapCache.TryGetValue(pfn, out long e) ? e : -1;

    /// <summary>delete_from_swap_cache / folio_free_swap: the page leaves the swap cache and the cache's
    /// reference on the slot is dropped (the slot frees when no PTE names it either).</summary>
    public void DeleteFromSwapCache(int pfn)
    {
        if (!_swapCache.Remove(pfn, out long entry)) return;
        node.Map.Flags[pfn] &= ~PageFlags.SwapCache;
        node.AddStat(NodeStatItem.NrSwapcached, -1);
        node.AddStat(NodeStatItem.NrFilePages, -1);
        FreeEntry(entry);
    }

    /// <summary>lookup_swap_cache: the page caching <paramref name="entry"/>, or -1.</summary>
    public int FindSwapCachePage(long entry)
    {
        foreach (var (pfn, e) in _swapCache)
            if (e == entry) return pfn;
        return -1;
    }

    /// <summary>The swap area an entry lives on.</summary>
    public SwapInfo? AreaOf(long entry) => TypeOf(entry) < _areas.Count ? _areas[TypeOf(entry)] : null;

    /// <summary>Migration of a swap-cache page: the cache entry follows the page.</summary>
    internal void MovePage(int oldPfn, int newPfn)
    {
        if (!_swapCache.Remove(oldPfn, out long entry)) return;
        _swapCache.Add(newPfn, entry);
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(_leastPriority);
        foreach (SwapInfo? a in _areas) { if (a is null) w.Add(-1); else a.AddToDigest(w); }
        foreach (var (pfn, entry) in _swapCache) { w.Add(pfn); w.Add(entry); }
        foreach (var (path, pages, part) in Fstab) { w.Add(path); w.Add(pages); w.Add(part ? 1 : 0); }
        foreach (var (path, pages) in Signatures) { w.Add(path); w.Add(pages); }
    }
}
