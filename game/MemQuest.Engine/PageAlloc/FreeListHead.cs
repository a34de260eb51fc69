// Models one free_area[order].free_list[migratetype] head (include/linux/mmzone.h) as the zone keeps
// it: the first and last pfn of the list (linked through MemMap.Links) and its length, side by
// side so one cache line serves an add or a delete (16 bytes: four lists to a line).
// HeadNext caches the head block's successor. Taking the head block (every allocation) then needs
// no read of that block's links: a block freed and handed straight back out, the common case,
// costs one write of its links instead of a write and a dependent read of a cold line.
// Invariants: HeadNext == Links[Head].Next while Head != NoPfn, else NoPfn; Count == blocks listed.
namespace MemQuest.Engine.PageAlloc;

internal struct FreeListHead
{
    /// <summary>First block on the list, or MemMap.NoPfn.</summary>
    public int Head;
    /// <summary>Last block on the list, or MemMap.NoPfn.</summary>
    public int Tail;
    /// <summary>The block after Head (MemMap.Links[Head].Next), or MemMap.NoPfn.</summary>
    public int HeadNext;
    /// <summary>Blocks on the list (pfns are ints, so a count fits one too).</summary>
    public int Count;

    /// <summary>An empty list.</summary>
    public static FreeListHead Empty => new() { Head = MemMap.NoPfn, Tail = MemMap.NoPfn, HeadNext = MemMap.NoPfn };
}
