// Models the fields of struct page (include/linux/mm_types.h) the engine needs, packed into 16 bytes
// so one cache line holds four pages, as the kernel packs struct page into one line: the list
// links (lru / buddy_list), flags, the buddy order and page->private.
using System.Runtime.InteropServices;

namespace MemQuest.Engine.PageAlloc;

[StructLayout(LayoutKind.Sequential, Pack = 4)]
public struct Page
{
    /// <summary>Next pfn on the list this page is on (a buddy free list or an LRU list), or -1.</summary>
    public int Next;
    public int Prev;
    public PageFlags Flags;
    /// <summary>The block order on PageBuddy and head pages.</summary>
    public byte Order;
    private readonly byte _reserved;
    /// <summary>page->private: owner-specific word (an rmap slot, a slab cache id, an inode number).</summary>
    public int Private;
}
