// Receipt for one shrink_node pass (mm/vmscan.c), kernel-spec §13: who reclaimed (kswapd or a task
// in direct reclaim), at which priority, how get_scan_count split the pass and why, what each LRU
// list had scanned and what was freed (file pages, anon pages swapped out, slab objects).
namespace MemQuest.Engine.Events.Reclaim;

public sealed record ReclaimScanned(
    long Tick, string Who, int Priority, string Balance,
    long ScanInactiveAnon, long ScanActiveAnon, long ScanInactiveFile, long ScanActiveFile,
    long ReclaimedFile, long ReclaimedAnon, long DirtySkipped, long SlabFreed)
    : KernelEvent(Tick)
{
    public override string Describe() =>
        $"{Who} reclaim at priority {Priority}: {Balance}; scan targets inactive_anon {ScanInactiveAnon}, active_anon {ScanActiveAnon}, " +
        $"inactive_file {ScanInactiveFile}, active_file {ScanActiveFile}; freed {ReclaimedFile} file + {ReclaimedAnon} anon pages, " +
        $"{DirtySkipped} dirty pages left to the flusher, {SlabFreed} dentry/inode objects";
}
