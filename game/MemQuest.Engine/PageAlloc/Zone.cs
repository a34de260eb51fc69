// Models struct zone (include/linux/mmzone.h), kernel-spec §1-§3: span, present and managed pages,
// the free_area lists per order and migratetype, NR_FREE_PAGES, watermarks and lowmem_reserve.
// Called by BuddyAllocator (list surgery), PageAllocator (zonelist walk) and the Procfs renderers.
// Invariants: NrFree(o) == blocks on the order-o lists; NrFreePages == Σ NrFree(o) << o;
//   free pages + allocated + reserved pages == PresentPages.
// Not modelled: per-CPU page lists (spec §2.3: counts of a drained kernel), CMA, memory hotplug.
using MemQuest.Engine.Events;

namespace MemQuest.Engine.PageAlloc;

public sealed class Zone
{
    public const int MigrateTypes = 5;
    private const int Lists = Units.NrPageOrders * MigrateTypes;

    private readonly int[] _head = new int[Lists];
    private readonly int[] _tail = new int[Lists];
    private readonly long[] _listCount = new long[Lists];
    private readonly long[] _nrFree = new long[Units.NrPageOrders];
    internal readonly int[] NextLink;
    internal readonly int[] PrevLink;
    internal readonly PageFlags[] PageFlagsArr;
    internal readonly byte[] OrderArr;

    public Zone(ZoneType type, MemMap map, long startPfn, long spannedPages, long presentPages, KernelEventLog events)
    {
        Type = type;
        Map = map;
        StartPfn = startPfn;
        SpannedPages = spannedPages;
        PresentPages = presentPages;
        Events = events;
        NextLink = map.Next;
        PrevLink = map.Prev;
        PageFlagsArr = map.Flags;
        OrderArr = map.Order;
        Array.Fill(_head, MemMap.NoPfn);
        Array.Fill(_tail, MemMap.NoPfn);
    }

    public ZoneType Type { get; }
    public string Name => ZoneNames.Of(Type);
    public MemMap Map { get; }
    public KernelEventLog Events { get; }
    public long StartPfn { get; }
    public long SpannedPages { get; }
    public long EndPfn => StartPfn + SpannedPages;
    public long PresentPages { get; }
    /// <summary>zone_managed_pages: present pages minus those reserved at boot.</summary>
    public long ManagedPages { get; internal set; }
    public bool IsPopulated => ManagedPages > 0;

    /// <summary>NR_FREE_PAGES (vmstat zone counter).</summary>
    public long NrFreePages { get; internal set; }
    public long NrFree(int order) => _nrFree[order];
    public long NrFreeOfType(int order, MigrateType mt) => _listCount[order * MigrateTypes + (int)mt];

    /// <summary>NR_FREE_PAGES_BLOCKS (6.18): free pages in blocks of at least pageblock order.</summary>
    public long NrFreePagesBlocks
    {
        get
        {
            long sum = 0;
            for (int o = Units.PageblockOrder; o <= Units.MaxPageOrder; o++) sum += _nrFree[o] << o;
            return sum;
        }
    }

    public Watermarks Watermarks { get; } = new();
    public long[] LowmemReserve { get; } = new long[ZoneNames.Count];
    public long[] Stat { get; } = new long[(int)ZoneStatItem.Count];
    /// <summary>vm.watermark_boost_factor as this zone sees it (kernel-spec §3.2).</summary>
    internal long WatermarkBoostFactor { get; set; } = 15000;

    /// <summary>Set once an order &lt;= 3 request was served: the PCP high mark then reads high_min.</summary>
    public bool PcpUsed { get; internal set; }

    public bool Contains(long pfn) => pfn >= StartPfn && pfn < EndPfn;

    public int FirstFree(int order, MigrateType mt) => _head[order * MigrateTypes + (int)mt];

    /// <summary>__add_to_free_list (mm/page_alloc.c): head or tail of free_area[order][mt].</summary>
    internal void AddToFreeList(int pfn, int order, MigrateType mt, bool tail)
    {
        int list = order * MigrateTypes + (int)mt;
        PageFlagsArr[pfn] = (PageFlagsArr[pfn] & PageFlags.Reserved) | PageFlags.Buddy;
        OrderArr[pfn] = (byte)order;
        if (tail)
        {
            int old = _tail[list];
            PrevLink[pfn] = old;
            NextLink[pfn] = MemMap.NoPfn;
            if (old == MemMap.NoPfn) _head[list] = pfn; else NextLink[old] = pfn;
            _tail[list] = pfn;
        }
        else
        {
            int old = _head[list];
            NextLink[pfn] = old;
            PrevLink[pfn] = MemMap.NoPfn;
            if (old == MemMap.NoPfn) _tail[list] = pfn; else PrevLink[old] = pfn;
            _head[list] = pfn;
        }
        _listCount[list]++;
        _nrFree[order]++;
    }

    /// <summary>__del_page_from_free_list (mm/page_alloc.c): unlink a free block and clear PageBuddy.</summary>
    internal void DelFromFreeList(int pfn, int order, MigrateType mt)
    {
        int list = order * MigrateTypes + (int)mt;
        int next = NextLink[pfn], prev = PrevLink[pfn];
        if (prev == MemMap.NoPfn) _head[list] = next; else NextLink[prev] = next;
        if (next == MemMap.NoPfn) _tail[list] = prev; else PrevLink[next] = prev;
        NextLink[pfn] = MemMap.NoPfn;
        PrevLink[pfn] = MemMap.NoPfn;
        PageFlagsArr[pfn] &= ~PageFlags.Buddy;
        _listCount[list]--;
        _nrFree[order]--;
    }

    /// <summary>The free blocks on one list, head first (for tests, pagetypeinfo and compaction).</summary>
    public IEnumerable<int> FreeList(int order, MigrateType mt)
    {
        for (int pfn = FirstFree(order, mt); pfn != MemMap.NoPfn; pfn = NextLink[pfn])
            yield return pfn;
    }

    /// <summary>Whether some free list of order &gt;= order holds a block of one of the normal types.</summary>
    internal bool HasFreeBlockAtLeast(int order, bool includeHighAtomic)
    {
        for (int o = order; o <= Units.MaxPageOrder; o++)
        {
            if (_nrFree[o] == 0) continue;
            for (int mt = 0; mt <= (int)MigrateType.Reclaimable; mt++)
                if (_head[o * MigrateTypes + mt] != MemMap.NoPfn) return true;
            if (includeHighAtomic && _head[o * MigrateTypes + (int)MigrateType.HighAtomic] != MemMap.NoPfn) return true;
        }
        return false;
    }
}
