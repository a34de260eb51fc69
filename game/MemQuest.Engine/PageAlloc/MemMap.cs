// Models mem_map, the array of struct page (include/linux/mm_types.h): one 16-byte Page per pfn
// (list links, flags, order, one private word), so a 64 GiB box fits in well under 300 MB and a
// page's fields share one cache line. The columns (Next, Prev, Flags, Order, Private) are views
// that return references into that array.
// Invariants: Next/Prev link a page into exactly one list (a buddy free list while PageBuddy, an
//   LRU list while PageLru) or hold -1; Order is meaningful on Buddy and Head pages only.
// Not modelled: refcounts, mapcounts beyond what Private carries, folios larger than a block.
namespace MemQuest.Engine.PageAlloc;

public sealed class MemMap
{
    public const int NoPfn = -1;
    private readonly Page[] _pages;

    public MemMap(long endPfn)
    {
        if (endPfn <= 0 || endPfn > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(endPfn));
        EndPfn = endPfn;
        _pages = new Page[endPfn];
        for (long pfn = 0; pfn < endPfn; pfn++)
        {
            _pages[pfn].Next = NoPfn;
            _pages[pfn].Prev = NoPfn;
        }
        PageblockType = new MigrateType[(endPfn + Units.PageblockNrPages - 1) >> Units.PageblockOrder];
        Array.Fill(PageblockType, MigrateType.Movable);
        Next = new NextColumn(_pages);
        Prev = new PrevColumn(_pages);
        Flags = new FlagsColumn(_pages);
        Order = new OrderColumn(_pages);
        Private = new PrivateColumn(_pages);
    }

    /// <summary>One past the highest pfn described.</summary>
    public long EndPfn { get; }
    public NextColumn Next { get; }
    public PrevColumn Prev { get; }
    public FlagsColumn Flags { get; }
    public OrderColumn Order { get; }
    /// <summary>page->private: owner-specific word (e.g. an rmap handle or a slab cache id).</summary>
    public PrivateColumn Private { get; }
    /// <summary>The pageblock bitmap's migratetype, one entry per 512 pages.</summary>
    public MigrateType[] PageblockType { get; }

    /// <summary>pfn_to_page: the whole struct page.</summary>
    public ref Page PageAt(long pfn) => ref _pages[pfn];

    public MigrateType GetPageblockMigratetype(long pfn) => PageblockType[pfn >> Units.PageblockOrder];

    public void SetPageblockMigratetype(long pfn, MigrateType mt) => PageblockType[pfn >> Units.PageblockOrder] = mt;

    public bool IsBuddy(long pfn) => (_pages[pfn].Flags & PageFlags.Buddy) != 0;

    public readonly struct NextColumn(Page[] pages)
    {
        public ref int this[long pfn] => ref pages[pfn].Next;
    }

    public readonly struct PrevColumn(Page[] pages)
    {
        public ref int this[long pfn] => ref pages[pfn].Prev;
    }

    public readonly struct FlagsColumn(Page[] pages)
    {
        public ref PageFlags this[long pfn] => ref pages[pfn].Flags;
    }

    public readonly struct OrderColumn(Page[] pages)
    {
        public ref byte this[long pfn] => ref pages[pfn].Order;
    }

    public readonly struct PrivateColumn(Page[] pages)
    {
        public ref int this[long pfn] => ref pages[pfn].Private;
    }
}
