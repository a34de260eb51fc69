// Models the page-flag bits of struct page that the engine needs (include/linux/page-flags.h),
// kept in MemMap.Flags, 16 bits per page.
namespace MemQuest.Engine.PageAlloc;

[Flags]
public enum PageFlags : ushort
{
    None = 0,
    /// <summary>PageBuddy: first page of a free block; MemMap.Order holds its order.</summary>
    Buddy = 1 << 0,
    /// <summary>First page of an allocated block; MemMap.Order holds its order.</summary>
    Head = 1 << 1,
    /// <summary>PageReserved: memblock-reserved at boot (kernel image, mem_map), never freed.</summary>
    Reserved = 1 << 2,
    /// <summary>Allocated as movable (GFP_MOVABLE): compaction may migrate it.</summary>
    MovableAlloc = 1 << 3,
    Lru = 1 << 4,
    Active = 1 << 5,
    Referenced = 1 << 6,
    Dirty = 1 << 7,
    Writeback = 1 << 8,
    Anon = 1 << 9,
    SwapCache = 1 << 10,
    Mapped = 1 << 11,
    Unevictable = 1 << 12,
    Slab = 1 << 13,
    /// <summary>PG_swapbacked on a page-cache page: a tmpfs (shmem) page, kept on the anon LRU.</summary>
    Shmem = 1 << 14,
    /// <summary>PG_workingset: the page was active once (set on deactivation); a refault of it is a restore.</summary>
    Workingset = 1 << 15,
}
