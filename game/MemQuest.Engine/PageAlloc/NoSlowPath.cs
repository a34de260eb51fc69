// A box with no reclaim, compaction or OOM killer yet: the slow path can only retry the min watermark.
namespace MemQuest.Engine.PageAlloc;

public sealed class NoSlowPath : IAllocSlowPath
{
    public void WakeKswapd(int order, ZoneType highestZone) { }
    public long DirectCompact(int order, GfpFlags gfp) => 0;
    public long DirectReclaim(int order, GfpFlags gfp, ZoneType highestZone) => 0;
    public bool OutOfMemory(int order, GfpFlags gfp) => false;
}
