// Models struct compact_control and compact_zone (mm/compaction.c) for one run over one zone:
// isolate_migratepages_block walks pageblocks upward, isolate_freepages_block walks Movable
// pageblocks downward taking whole free buddy blocks apart into order-0 targets, and
// __compact_finished stops an order-targeted run as soon as a free block of that order exists.
// Invariant: free_pfn stays above migrate_pfn; unused isolated pages go back via release_free_list.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Compaction;

internal sealed class CompactZoneRun(Compaction owner, Zone zone, int order)
{
    private readonly Stack<int> _freePages = new();
    private long _freeBlock = Units.AlignDown(zone.EndPfn - 1, Units.PageblockNrPages);
    private long _migrateScanned, _freeScanned, _moved, _failed;

    /// <summary>compact_zone: returns pages migrated.</summary>
    public long Run()
    {
        string result = "scanners met: the whole zone was compacted";
        for (long block = Units.AlignDown(zone.StartPfn, Units.PageblockNrPages); block < _freeBlock; block += Units.PageblockNrPages)
        {
            if (!MigrateBlock(block)) { result = "no free pages left to migrate into"; break; }
            if (order >= 0 && zone.HasFreeBlockAtLeast(order, false)) { result = $"an order-{order} block is free now"; break; }
        }
        ReleaseFreeList();
        owner.Events.Count(VmEventItem.CompactMigrateScanned, _migrateScanned);
        owner.Events.Count(VmEventItem.CompactFreeScanned, _freeScanned);
        owner.Events.Count(VmEventItem.CompactIsolated, _moved * 2);
        owner.Receipt(zone, order, _migrateScanned, _freeScanned, _moved, _failed, result);
        return _moved;
    }

    /// <summary>isolate_migratepages_block + migrate_pages for one pageblock; false when targets ran out.</summary>
    private bool MigrateBlock(long block)
    {
        long start = Math.Max(block, zone.StartPfn), end = Math.Min(block + Units.PageblockNrPages, zone.EndPfn);
        MemMap map = owner.Node.Map;
        for (long p = start; p < end; p++)
        {
            PageFlags f = map.Flags[p];
            if ((f & PageFlags.Buddy) != 0) { p += (1L << map.Order[p]) - 1; continue; }
            if ((f & PageFlags.Head) != 0 && map.Order[p] > 0) { p += (1L << map.Order[p]) - 1; continue; }
            _migrateScanned++;
            if (!owner.IsMigratable((int)p)) continue;
            if (_freePages.Count == 0 && !IsolateFreepages(block)) return false;
            int target = _freePages.Pop();
            if (owner.MigratePage((int)p, target)) _moved++;
            else { _failed++; _freePages.Push(target); }
        }
        return true;
    }

    /// <summary>isolate_freepages: take free blocks from the highest suitable pageblock above the
    /// migrate scanner, splitting each into order-0 pages.</summary>
    private bool IsolateFreepages(long migrateBlock)
    {
        MemMap map = owner.Node.Map;
        for (; _freeBlock > migrateBlock; _freeBlock -= Units.PageblockNrPages)
        {
            if (map.GetPageblockMigratetype(_freeBlock) != MigrateType.Movable) continue;
            long end = Math.Min(_freeBlock + Units.PageblockNrPages, zone.EndPfn);
            for (long p = Math.Max(_freeBlock, zone.StartPfn); p < end; p++)
            {
                _freeScanned++;
                if ((map.Flags[p] & PageFlags.Buddy) == 0) continue;
                int o = map.Order[p];
                zone.DelFromFreeList((int)p, o, map.GetPageblockMigratetype(p));
                zone.NrFreePages -= 1L << o;
                for (long q = p + (1L << o) - 1; q >= p; q--) { map.Flags[q] &= PageFlags.Reserved; map.Order[q] = 0; _freePages.Push((int)q); }
                p += (1L << o) - 1;
            }
            if (_freePages.Count > 0) { _freeBlock -= Units.PageblockNrPages; return true; }
        }
        return false;
    }

    /// <summary>release_free_list: unused targets go back to the buddy allocator.</summary>
    private void ReleaseFreeList()
    {
        while (_freePages.Count > 0) BuddyAllocator.FreeOnePage(zone, _freePages.Pop(), 0);
    }
}
