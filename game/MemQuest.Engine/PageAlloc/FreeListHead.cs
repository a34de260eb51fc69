// Models one free_area[order].free_list[migratetype] head (include/linux/mmzone.h) as the zone keeps
// it: the first and last pfn of the list (linked through MemMap.Links) and its length, side by
// side so one cache line serves an add or a delete.
namespace MemQuest.Engine.PageAlloc;

internal struct FreeListHead
{
    /// <summary>First block on the list, or MemMap.NoPfn.</summary>
    public int Head;
    /// <summary>Last block on the list, or MemMap.NoPfn.</summary>
    public int Tail;
    /// <summary>Blocks on the list.</summary>
    public long Count;
}
