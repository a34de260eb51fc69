// Models the list_head inside struct page (page->buddy_list / page->lru, include/linux/mm_types.h)
// with pfns for pointers: the next and previous page on whichever list the page is on, a buddy
// free list or an LRU list. Both links share 8 bytes, so linking or unlinking a page dirties one
// cache line of mem_map instead of two (the order-0 bench's cost is mostly those writes).
// Invariants: both are MemMap.NoPfn while the page is on no list; -1 also ends a list.
namespace MemQuest.Engine.PageAlloc;

public struct PageLinks
{
    /// <summary>The page after this one on its list, or MemMap.NoPfn.</summary>
    public int Next;
    /// <summary>The page before this one on its list, or MemMap.NoPfn.</summary>
    public int Prev;

    /// <summary>A page on no list.</summary>
    public static PageLinks Unlinked => new() { Next = MemMap.NoPfn, Prev = MemMap.NoPfn };
}
