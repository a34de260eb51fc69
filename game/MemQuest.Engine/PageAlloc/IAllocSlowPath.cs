// The seam where reclaim, compaction and the OOM killer plug into __alloc_pages_slowpath
// (mm/page_alloc.c), kernel-spec §3.5. PageAllocator calls these in the kernel's order; the
// Reclaim and Oom subsystems implement them. NoSlowPath is the box before those exist.
namespace MemQuest.Engine.PageAlloc;

public interface IAllocSlowPath
{
    /// <summary>wakeup_kswapd: an allocation missed the low watermark in every zone.</summary>
    void WakeKswapd(int order, ZoneType highestZone);

    /// <summary>__alloc_pages_direct_compact: try to build a free block of <paramref name="order"/>; pages moved.</summary>
    long DirectCompact(int order, GfpFlags gfp);

    /// <summary>__alloc_pages_direct_reclaim: try_to_free_pages; returns pages reclaimed.</summary>
    long DirectReclaim(int order, GfpFlags gfp, ZoneType highestZone);

    /// <summary>__alloc_pages_may_oom → out_of_memory: true when a victim was killed (retry makes sense).</summary>
    bool OutOfMemory(int order, GfpFlags gfp);
}
