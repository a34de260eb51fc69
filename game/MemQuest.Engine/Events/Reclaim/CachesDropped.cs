// Receipt for a write to /proc/sys/vm/drop_caches (fs/drop_caches.c), kernel-spec §13.5: what was
// dropped and what had to stay (dirty, mapped pages).
namespace MemQuest.Engine.Events.Reclaim;

public sealed record CachesDropped(long Tick, int Mode, long PagesDropped, long DirtyKept, long MappedKept, long SlabObjectsFreed)
    : KernelEvent(Tick)
{
    public override string Describe() =>
        $"drop_caches {Mode}: dropped {PagesDropped} clean page-cache pages, kept {DirtyKept} dirty and {MappedKept} mapped pages; freed {SlabObjectsFreed} dentry/inode objects";
}
