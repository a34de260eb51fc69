// Models memory compaction (mm/compaction.c), kernel-spec §2.4 and §13: compact_zone runs a migrate
// scanner up from the zone start and a free scanner down from the zone end; every movable page the
// migrate scanner finds (page cache, swap cache, and anon pages when the rmap seam can move them)
// is copied into a free page the free scanner isolated from a Movable pageblock, and the old page
// is freed (its memory cgroup charge moves with it, mem_cgroup_migrate) so the buddy allocator
// merges the bottom of the zone into high-order blocks.
// Entry points: compact_memory (the whole zone, order -1) and try_to_compact_pages for a failing
// order > 0 allocation (compaction_suitable first; stops once a block of the order is free).
// Invariant: the scanners never cross; every isolated free page is used or given back.
// Not modelled: async/sync modes and skip bits, deferral, kcompactd, proactive compaction, isolation of THPs.
using MemQuest.Engine.Events;
using MemQuest.Engine.Events.Reclaim;
using MemQuest.Engine.Filemap;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Procfs;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Swap;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Compaction;

public sealed class Compaction(PgData node, PageAllocator alloc, Lruvec lru, PageCache cache, SwapTable swap,
    Sysctls sysctls, VmEvents events, KernelEventLog log)
{
    public IAnonRmap? AnonRmap { get; set; }
    /// <summary>mem_cgroup_migrate: move the memory cgroup charge from the old page to the new one.</summary>
    public Action<long, long>? MemcgMigrate { get; set; }

    /// <summary>sysctl_compaction_handler → compact_nodes: compact every populated zone completely.</summary>
    public long CompactNodes()
    {
        long moved = 0;
        foreach (Zone z in node.Zones)
            if (z.IsPopulated) moved += new CompactZoneRun(this, z, -1).Run();
        return moved;
    }

    /// <summary>try_to_compact_pages (mm/compaction.c), kernel-spec §3.5 step 3: compact zones from the
    /// highest allowed down until a free block of <paramref name="order"/> exists. Returns pages moved.</summary>
    public long TryToCompactPages(int order, ZoneType highest)
    {
        events.Count(VmEventItem.CompactStall);
        long moved = 0;
        for (int i = (int)highest; i >= 0; i--)
        {
            Zone z = node.Zones[i];
            if (!z.IsPopulated || !CompactionSuitable(z, order, highest)) continue;
            moved += new CompactZoneRun(this, z, order).Run();
            if (z.HasFreeBlockAtLeast(order, false))
            {
                events.Count(VmEventItem.CompactSuccess);
                return Math.Max(moved, 1);
            }
        }
        events.Count(VmEventItem.CompactFail);
        return moved;
    }

    /// <summary>compaction_suitable (mm/compaction.c): enough free pages to migrate into (the order-0
    /// watermark plus compact_gap = 2 &lt;&lt; order), and for costly orders a fragmentation index above
    /// extfrag_threshold (below it the failure is a lack of memory: reclaim instead).</summary>
    public bool CompactionSuitable(Zone z, int order, ZoneType highest)
    {
        long mark = (order > Units.PageAllocCostlyOrder ? z.Watermarks.Low : z.Watermarks.Min) + (2L << order);
        if (!PageAllocator.ZoneWatermarkOk(z, 0, mark, highest, 0, z.NrFreePages)) return false;
        if (order <= Units.PageAllocCostlyOrder) return true;
        var counts = new long[Units.NrPageOrders];
        for (int o = 0; o < counts.Length; o++) counts[o] = z.NrFree(o);
        int fragindex = Extfrag.FragmentationIndex(order, Extfrag.FillContigPageInfo(counts, order));
        return !(fragindex >= 0 && fragindex <= sysctls.Get(SysctlCatalog.ExtfragThreshold));
    }

    internal PgData Node => node;
    internal PageAllocator Alloc => alloc;
    internal VmEvents Events => events;
    internal KernelEventLog Log => log;

    /// <summary>migrate_pages for one order-0 page (mm/migrate.c): move contents, LRU position, flags and
    /// the owner's reference from <paramref name="oldPfn"/> to the isolated free page <paramref name="newPfn"/>.</summary>
    internal bool MigratePage(int oldPfn, int newPfn)
    {
        MemMap map = node.Map;
        PageFlags f = map.Flags[oldPfn];
        Inode? inode = (f & PageFlags.Anon) == 0 ? cache.InodeOf(oldPfn) : null;
        if (inode is null && ((f & PageFlags.Anon) == 0 || AnonRmap is null || !AnonRmap.MovePage(oldPfn, newPfn))) return false;
        const PageFlags carried = PageFlags.Referenced | PageFlags.Dirty | PageFlags.Mapped | PageFlags.Anon | PageFlags.SwapCache
            | PageFlags.Shmem | PageFlags.Workingset;
        map.Flags[newPfn] = PageFlags.Head | PageFlags.MovableAlloc | (f & carried);
        map.Order[newPfn] = 0;
        map.Private[newPfn] = map.Private[oldPfn];
        MemcgMigrate?.Invoke(oldPfn, newPfn);
        lru.Replace(oldPfn, newPfn, PageCache.LruOf(f));
        if (inode is not null) cache.ReplacePage(inode, oldPfn, newPfn);
        else swap.MovePage(oldPfn, newPfn);
        map.Flags[oldPfn] = PageFlags.Head;
        map.Private[oldPfn] = 0;
        alloc.FreePages(oldPfn, 0);
        events.Count(VmEventItem.PgmigrateSuccess);
        return true;
    }

    /// <summary>A migration candidate: an order-0 movable page on an LRU list. Mapped file pages are
    /// skipped: their PTEs belong to the Mm subsystem's file mappings, which have no migration hook.</summary>
    internal bool IsMigratable(int pfn)
    {
        PageFlags f = node.Map.Flags[pfn];
        const PageFlags need = PageFlags.Head | PageFlags.MovableAlloc | PageFlags.Lru;
        if ((f & (PageFlags.Mapped | PageFlags.Anon)) == PageFlags.Mapped) return false;
        return (f & need) == need && node.Map.Order[pfn] == 0 && (f & PageFlags.Unevictable) == 0;
    }

    internal void Receipt(Zone z, int order, long migrateScanned, long freeScanned, long moved, long failed, string result)
    {
        if (log.Listening) log.Add(new CompactionFinished(log.Tick, z.Name, order, migrateScanned, freeScanned, moved, failed, result));
    }
}
