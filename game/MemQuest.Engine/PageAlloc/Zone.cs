// Models struct zone (include/linux/mmzone.h), kernel-spec §1-§3: span, present and managed pages,
// the free_area lists per order and migratetype, NR_FREE_PAGES, watermarks and lowmem_reserve.
// Called by BuddyAllocator (list surgery), PageAllocator (zonelist walk) and the Procfs renderers.
// Invariants: NrFree(o) == blocks on the order-o lists; NrFreePages == Σ NrFree(o) << o;
//   free pages + allocated + reserved pages == PresentPages.
// Not modelled: per-CPU page lists (spec §2.3: counts of a drained kernel), CMA, memory hotplug.
using System.Runtime.CompilerServices;
using MemQuest.Engine.Events;

namespace MemQuest.Engine.PageAlloc;

public sealed class Zone
{
    public const int MigrateTypes = 5;
    private const int Lists = Units.NrPageOrders * MigrateTypes;

    // free_area[order].free_list[mt]: head, tail and length of each list, one entry per (order, mt).
    private readonly FreeListHead[] _lists = new FreeListHead[Lists];
    private readonly long[] _nrFree = new long[Units.NrPageOrders];
    private readonly long _endPfn;
    // mem_map's columns, held here so the buddy hot paths reach them in one load.
    internal readonly PageLinks[] Links;
    internal readonly PageFlags[] PageFlagsArr;
    internal readonly byte[] OrderArr;
    internal readonly MigrateType[] PageblockTypeArr;

    public Zone(ZoneType type, MemMap map, long startPfn, long spannedPages, long presentPages, KernelEventLog events)
    {
        Type = type;
        Map = map;
        StartPfn = startPfn;
        SpannedPages = spannedPages;
        PresentPages = presentPages;
        Events = events;
        _endPfn = startPfn + spannedPages;
        Links = map.Links;
        PageFlagsArr = map.Flags;
        OrderArr = map.Order;
        PageblockTypeArr = map.PageblockType;
        Array.Fill(_lists, FreeListHead.Empty);
    }

    public ZoneType Type { get; }
    public string Name => ZoneNames.Of(Type);
    public MemMap Map { get; }
    public KernelEventLog Events { get; }
    public long StartPfn { get; }
    public long SpannedPages { get; }
    public long EndPfn => _endPfn;
    public long PresentPages { get; }
    /// <summary>zone_managed_pages: present pages minus those reserved at boot.</summary>
    public long ManagedPages { get; internal set; }
    public bool IsPopulated => ManagedPages > 0;

    /// <summary>NR_FREE_PAGES (vmstat zone counter).</summary>
    public long NrFreePages { get; internal set; }
    public long NrFree(int order) => _nrFree[order];
    public long NrFreeOfType(int order, MigrateType mt) => _lists[order * MigrateTypes + (int)mt].Count;

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

    public bool Contains(long pfn) => (ulong)(pfn - StartPfn) < (ulong)SpannedPages;

    public int FirstFree(int order, MigrateType mt) => _lists[order * MigrateTypes + (int)mt].Head;

    /// <summary>FirstFree for the allocator's hot path: order and mt are in range by construction.</summary>
    internal int FirstFreeUnchecked(int order, MigrateType mt) => PfnColumn.At(_lists, order * MigrateTypes + (int)mt).Head;

    /// <summary>The list's cached successor of its head (FreeListHead.HeadNext), for invariant checks.</summary>
    internal int CachedHeadNext(int order, MigrateType mt) => _lists[order * MigrateTypes + (int)mt].HeadNext;

    /// <summary>__add_to_free_list (mm/page_alloc.c): head or tail of free_area[order][mt].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddToFreeList(int pfn, int order, MigrateType mt, bool tail)
    {
        ref FreeListHead list = ref PfnColumn.At(_lists, order * MigrateTypes + (int)mt);
        PageLinks[] links = Links;
        ref PageFlags flags = ref PfnColumn.At(PageFlagsArr, pfn);
        flags = (flags & PageFlags.Reserved) | PageFlags.Buddy;
        PfnColumn.At(OrderArr, pfn) = (byte)order;
        ref PageLinks page = ref PfnColumn.At(links, pfn);
        if (tail)
        {
            int old = list.Tail;
            page.Prev = old;
            page.Next = MemMap.NoPfn;
            if (old == MemMap.NoPfn) list.Head = pfn;
            else
            {
                PfnColumn.At(links, old).Next = pfn;
                if (old == list.Head) list.HeadNext = pfn;
            }
            list.Tail = pfn;
        }
        else
        {
            int old = list.Head;
            page.Next = old;
            page.Prev = MemMap.NoPfn;
            if (old == MemMap.NoPfn) list.Tail = pfn; else PfnColumn.At(links, old).Prev = pfn;
            list.HeadNext = old;
            list.Head = pfn;
        }
        list.Count++;
        PfnColumn.At(_nrFree, order)++;
    }

    /// <summary>__del_page_from_free_list (mm/page_alloc.c): unlink a free block and clear PageBuddy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void DelFromFreeList(int pfn, int order, MigrateType mt)
    {
        ref FreeListHead list = ref PfnColumn.At(_lists, order * MigrateTypes + (int)mt);
        PageLinks[] links = Links;
        ref PageLinks page = ref PfnColumn.At(links, pfn);
        if (pfn == list.Head)
        {
            // The head's successor is cached, so the block's own links are only written.
            int next = list.HeadNext;
            list.Head = next;
            if (next == MemMap.NoPfn) list.Tail = MemMap.NoPfn;
            else
            {
                ref PageLinks nextPage = ref PfnColumn.At(links, next);
                nextPage.Prev = MemMap.NoPfn;
                list.HeadNext = nextPage.Next;
            }
        }
        else
        {
            int next = page.Next, prev = page.Prev;
            PfnColumn.At(links, prev).Next = next;
            if (prev == list.Head) list.HeadNext = next;
            if (next == MemMap.NoPfn) list.Tail = prev; else PfnColumn.At(links, next).Prev = prev;
        }
        page.Next = MemMap.NoPfn;
        page.Prev = MemMap.NoPfn;
        PfnColumn.At(PageFlagsArr, pfn) &= ~PageFlags.Buddy;
        list.Count--;
        PfnColumn.At(_nrFree, order)--;
    }

    /// <summary>The free blocks on one list, head first (for tests, pagetypeinfo and compaction).</summary>
    public IEnumerable<int> FreeList(int order, MigrateType mt)
    {
        for (int pfn = FirstFree(order, mt); pfn != MemMap.NoPfn; pfn = Links[pfn].Next)
            yield return pfn;
    }

    /// <summary>Whether some free list of order &gt;= order holds a block of one of the normal types.</summary>
    internal bool HasFreeBlockAtLeast(int order, bool includeHighAtomic)
    {
        for (int o = order; o <= Units.MaxPageOrder; o++)
        {
            if (_nrFree[o] == 0) continue;
            for (int mt = 0; mt <= (int)MigrateType.Reclaimable; mt++)
                if (_lists[o * MigrateTypes + mt].Head != MemMap.NoPfn) return true;
            if (includeHighAtomic && _lists[o * MigrateTypes + (int)MigrateType.HighAtomic].Head != MemMap.NoPfn) return true;
        }
        return false;
    }
}
