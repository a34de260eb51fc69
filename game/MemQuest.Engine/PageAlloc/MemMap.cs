// Models mem_map, the array of struct page (include/linux/mm_types.h), as compact parallel arrays
// indexed by pfn: list links, flags, order and one private word. 15 bytes per page in all
// (architecture budget: at most 16), so a 64 GiB box fits in well under 300 MB.
// The split follows the allocator's access pattern: flags and order, read first on every free, stay
// dense in their own small arrays; the two list links, written together, share one 8-byte entry.
// Invariants: Links link a page into exactly one list (a buddy free list while PageBuddy, an
//   LRU list while PageLru) or hold -1; Order is meaningful on Buddy and Head pages only.
// Not modelled: refcounts, mapcounts beyond what Private carries, folios larger than a block.
namespace MemQuest.Engine.PageAlloc;

public sealed class MemMap
{
    public const int NoPfn = -1;

    public MemMap(long endPfn)
    {
        if (endPfn <= 0 || endPfn > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(endPfn));
        EndPfn = endPfn;
        Links = new PageLinks[endPfn];
        Flags = new PageFlags[endPfn];
        Order = new byte[endPfn];
        Private = new int[endPfn];
        PageblockType = new MigrateType[(endPfn + Units.PageblockNrPages - 1) >> Units.PageblockOrder];
        Array.Fill(Links, PageLinks.Unlinked);
        Array.Fill(PageblockType, MigrateType.Movable);
    }

    /// <summary>One past the highest pfn described.</summary>
    public long EndPfn { get; }
    /// <summary>page->buddy_list / page->lru: the page's neighbours on its list.</summary>
    public PageLinks[] Links { get; }
    public PageFlags[] Flags { get; }
    public byte[] Order { get; }
    /// <summary>page->private: owner-specific word (e.g. an rmap handle or a slab cache id).</summary>
    public int[] Private { get; }
    /// <summary>The pageblock bitmap's migratetype, one entry per 512 pages.</summary>
    public MigrateType[] PageblockType { get; }

    public MigrateType GetPageblockMigratetype(long pfn) => PageblockType[pfn >> Units.PageblockOrder];

    public void SetPageblockMigratetype(long pfn, MigrateType mt) => PageblockType[pfn >> Units.PageblockOrder] = mt;

    public bool IsBuddy(long pfn) => (Flags[pfn] & PageFlags.Buddy) != 0;
}
