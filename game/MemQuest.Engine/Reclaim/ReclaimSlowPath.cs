// Plugs reclaim and compaction into __alloc_pages_slowpath (mm/page_alloc.c) through the
// IAllocSlowPath seam, kernel-spec §3.5: wake kswapd, direct compaction, direct reclaim. The OOM
// step is delegated to whoever sets OutOfMemoryHandler (the Oom subsystem); without one it
// reports that nobody was killed, so the allocation fails.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Reclaim;

public sealed class ReclaimSlowPath(Kswapd kswapd, Vmscan vmscan, Compaction.Compaction compaction) : IAllocSlowPath
{
    /// <summary>out_of_memory: true when a victim was killed (the allocation retries).</summary>
    public Func<int, GfpFlags, bool>? OutOfMemoryHandler { get; set; }

    public void WakeKswapd(int order, ZoneType highestZone) => kswapd.Wake(order, highestZone);

    public long DirectCompact(int order, GfpFlags gfp) =>
        compaction.TryToCompactPages(order, PageAllocator.GfpZone(gfp));

    public long DirectReclaim(int order, GfpFlags gfp, ZoneType highestZone) =>
        vmscan.TryToFreePages(highestZone, maySwap: (gfp & GfpFlags.Io) != 0);

    public bool OutOfMemory(int order, GfpFlags gfp) => OutOfMemoryHandler?.Invoke(order, gfp) ?? false;
}
