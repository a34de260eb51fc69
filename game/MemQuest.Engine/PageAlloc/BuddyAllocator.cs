// Models mm/page_alloc.c's buddy allocator (kernel-spec §2.1, §2.2, §2.4): __rmqueue_smallest,
// expand, __free_one_page with buddy_merge_likely, and migratetype fallback (claim, then steal).
// Called by PageAllocator (allocation), by boot population and by every subsystem that frees.
// Invariants: a free block of order o starts at a pfn aligned to 1 << o and sits on the list of
//   its pageblock's migratetype; NR_FREE_PAGES moves by exactly 1 << order per alloc/free.
// Not modelled: per-CPU lists (§2.3), guard pages, shuffling, CMA, compaction capture.
using System.Runtime.CompilerServices;
using MemQuest.Engine.Events;

namespace MemQuest.Engine.PageAlloc;

public static class BuddyAllocator
{
    /// <summary>Fallback order per start type (fallbacks[], mm/page_alloc.c), kernel-spec §2.4.</summary>
    private static readonly MigrateType[][] Fallbacks =
    [
        [MigrateType.Reclaimable, MigrateType.Movable],     // Unmovable
        [MigrateType.Reclaimable, MigrateType.Unmovable],   // Movable
        [MigrateType.Unmovable, MigrateType.Movable],       // Reclaimable
    ];

    /// <summary>__rmqueue_smallest (mm/page_alloc.c), kernel-spec §2.1: take the first block of at least
    /// <paramref name="order"/> on <paramref name="mt"/>'s lists and split it down. Returns the pfn or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RmqueueSmallest(Zone zone, int order, MigrateType mt)
    {
        for (int current = order; current <= Units.MaxPageOrder; current++)
        {
            int pfn = zone.FirstFreeUnchecked(current, mt);
            if (pfn == MemMap.NoPfn) continue;
            zone.DelFromFreeList(pfn, current, mt);
            if (current > order) Expand(zone, pfn, order, current, mt);
            zone.NrFreePages -= 1L << order;
            return pfn;
        }
        return MemMap.NoPfn;
    }

    /// <summary>expand (mm/page_alloc.c), kernel-spec §2.1: halve a block of order <paramref name="high"/>
    /// down to <paramref name="low"/>, putting each upper half at the head of its free list.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Expand(Zone zone, int pfn, int low, int high, MigrateType mt)
    {
        bool receipts = zone.Events.Listening;
        while (high > low)
        {
            high--;
            int half = pfn + (1 << high);
            zone.AddToFreeList(half, high, mt, tail: false);
            if (receipts)
                zone.Events.Add(new BuddySplit(zone.Events.Tick, zone.Name, pfn, high + 1, half, high));
        }
    }

    /// <summary>__rmqueue (mm/page_alloc.c): smallest block of the wanted type, else claim a fallback
    /// pageblock, else (unless ALLOC_NOFRAGMENT) steal a fallback block. Returns the pfn or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Rmqueue(Zone zone, int order, MigrateType mt, bool noFragment)
    {
        int pfn = RmqueueSmallest(zone, order, mt);
        if (pfn != MemMap.NoPfn || mt > MigrateType.Reclaimable) return pfn;
        return RmqueueFallback(zone, order, mt, noFragment);
    }

    /// <summary>__rmqueue's fallbacks, kept out of line: claim a fallback pageblock, else (unless
    /// ALLOC_NOFRAGMENT) steal a fallback block.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RmqueueFallback(Zone zone, int order, MigrateType mt, bool noFragment)
    {
        int pfn = RmqueueClaim(zone, order, mt, noFragment);
        if (pfn != MemMap.NoPfn || noFragment) return pfn;
        return RmqueueSteal(zone, order, mt);
    }

    /// <summary>__free_one_page (mm/page_alloc.c), kernel-spec §2.2: return a block, merging with free
    /// buddies of the same order; insert at the tail when asked or when a merge is likely.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FreeOnePage(Zone zone, int pfn, int order, bool toTail = false)
    {
        PageFlags[] flags = zone.PageFlagsArr;
        byte[] orders = zone.OrderArr;
        MigrateType mt = zone.PageblockTypeArr[pfn >> Units.PageblockOrder];
        PfnColumn.At(flags, pfn) &= PageFlags.Reserved;      // pfn is in the zone: the caller checked
        zone.NrFreePages += 1L << order;
        int buddyPfn = pfn;
        while (order < Units.MaxPageOrder)
        {
            buddyPfn = pfn ^ (1 << order);
            if (!IsFreeBuddy(zone, flags, orders, buddyPfn, order)) break;
            MigrateType buddyMt = mt;
            if (order >= Units.PageblockOrder)
            {
                buddyMt = zone.PageblockTypeArr[buddyPfn >> Units.PageblockOrder];
                if (mt != buddyMt && (!IsMergeable(mt) || !IsMergeable(buddyMt))) break;
            }
            zone.DelFromFreeList(buddyPfn, order, buddyMt);
            if (buddyMt != mt) ChangePageblockRange(zone.Map, buddyPfn, order, mt);
            int combined = buddyPfn & pfn;
            if (zone.Events.Listening) AddMergeReceipt(zone, pfn, buddyPfn, order, combined);
            pfn = combined;
            order++;
        }
        bool tail = toTail || BuddyMergeLikely(zone, flags, orders, pfn, buddyPfn, order);
        zone.AddToFreeList(pfn, order, mt, tail);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddMergeReceipt(Zone zone, int pfn, int buddyPfn, int order, int combined) =>
        zone.Events.Add(new BuddyMerged(zone.Events.Tick, zone.Name, pfn, buddyPfn, order, combined));

    /// <summary>find_buddy_page_pfn's test: the buddy lies in this zone, is PageBuddy and has exactly <paramref name="order"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsFreeBuddy(Zone zone, PageFlags[] flags, byte[] orders, int buddyPfn, int order) =>
        zone.Contains(buddyPfn)
        && (PfnColumn.At(flags, buddyPfn) & PageFlags.Buddy) != 0
        && PfnColumn.At(orders, buddyPfn) == order;

    /// <summary>buddy_merge_likely (mm/page_alloc.c): the block one order up has a free buddy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool BuddyMergeLikely(Zone zone, PageFlags[] flags, byte[] orders, int pfn, int buddyPfn, int order)
    {
        if (order >= Units.MaxPageOrder - 1) return false;
        int higherPagePfn = buddyPfn & pfn;
        int higherBuddy = higherPagePfn ^ (1 << (order + 1));
        return IsFreeBuddy(zone, flags, orders, higherBuddy, order + 1);
    }

    /// <summary>migratetype_is_mergeable: Unmovable, Movable and Reclaimable (below MIGRATE_PCPTYPES).</summary>
    private static bool IsMergeable(MigrateType mt) => mt <= MigrateType.Reclaimable;

    private static void ChangePageblockRange(MemMap map, int pfn, int order, MigrateType mt)
    {
        int blocks = order >= Units.PageblockOrder ? 1 << (order - Units.PageblockOrder) : 1;
        for (int i = 0; i < blocks; i++) map.SetPageblockMigratetype(pfn + (long)i * Units.PageblockNrPages, mt);
    }

    /// <summary>__rmqueue_claim (mm/page_alloc.c), kernel-spec §2.4: scan orders from the top for a
    /// fallback block and try to take over its whole pageblock.</summary>
    private static int RmqueueClaim(Zone zone, int order, MigrateType startMt, bool noFragment)
    {
        int minOrder = order < Units.PageblockOrder && noFragment ? Units.PageblockOrder : order;
        for (int current = Units.MaxPageOrder; current >= minOrder; current--)
        {
            if (!ShouldTryClaimBlock(current, startMt)) break;
            if (zone.NrFree(current) == 0) continue;
            MigrateType? fallback = FindSuitableFallback(zone, current, startMt);
            if (fallback is null) continue;
            int pfn = TryToClaimBlock(zone, zone.FirstFree(current, fallback.Value), current, order, startMt, fallback.Value);
            if (pfn != MemMap.NoPfn) return pfn;
        }
        return MemMap.NoPfn;
    }

    /// <summary>__rmqueue_steal (mm/page_alloc.c): the smallest fallback block, split without retyping.</summary>
    private static int RmqueueSteal(Zone zone, int order, MigrateType startMt)
    {
        for (int current = order; current <= Units.MaxPageOrder; current++)
        {
            if (zone.NrFree(current) == 0) continue;
            MigrateType? fallback = FindSuitableFallback(zone, current, startMt);
            if (fallback is null) continue;
            int pfn = zone.FirstFree(current, fallback.Value);
            zone.DelFromFreeList(pfn, current, fallback.Value);
            Expand(zone, pfn, order, current, fallback.Value);
            zone.NrFreePages -= 1L << order;
            if (zone.Events.Listening)
                zone.Events.Add(new PageblockClaimed(zone.Events.Tick, zone.Name, pfn, current, fallback.Value.ToString(), startMt.ToString(), false));
            return pfn;
        }
        return MemMap.NoPfn;
    }

    /// <summary>should_try_claim_block (mm/page_alloc.c).</summary>
    private static bool ShouldTryClaimBlock(int order, MigrateType startMt) =>
        order >= Units.PageblockOrder / 2
        || startMt == MigrateType.Reclaimable || startMt == MigrateType.Unmovable;

    /// <summary>find_suitable_fallback (mm/page_alloc.c): the first fallback type with a free block at this order.</summary>
    private static MigrateType? FindSuitableFallback(Zone zone, int order, MigrateType startMt)
    {
        foreach (MigrateType mt in Fallbacks[(int)startMt])
            if (zone.FirstFree(order, mt) != MemMap.NoPfn) return mt;
        return null;
    }

    /// <summary>try_to_claim_block (mm/page_alloc.c), kernel-spec §2.4.</summary>
    private static int TryToClaimBlock(Zone zone, int pfn, int currentOrder, int order, MigrateType startMt, MigrateType blockMt)
    {
        MemMap map = zone.Map;
        if (currentOrder >= Units.PageblockOrder)
        {
            zone.DelFromFreeList(pfn, currentOrder, blockMt);
            ChangePageblockRange(map, pfn, currentOrder, startMt);
            AddClaimReceipt(zone, pfn, currentOrder, blockMt, startMt);
            Expand(zone, pfn, order, currentOrder, startMt);
            zone.NrFreePages -= 1L << order;
            return pfn;
        }
        BoostWatermark(zone);
        long blockStart = Units.AlignDown(pfn, Units.PageblockNrPages);
        if (blockStart < zone.StartPfn || blockStart + Units.PageblockNrPages > zone.EndPfn) return MemMap.NoPfn;
        (long freePages, long movablePages) = CountPageblock(zone, blockStart);
        long alikePages = startMt == MigrateType.Movable ? movablePages
            : blockMt == MigrateType.Movable ? Units.PageblockNrPages - (freePages + movablePages) : 0;
        if (freePages + alikePages < Units.PageblockNrPages / 2) return MemMap.NoPfn;
        MoveFreepagesBlock(zone, blockStart, blockMt, startMt);
        map.SetPageblockMigratetype(blockStart, startMt);
        AddClaimReceipt(zone, blockStart, currentOrder, blockMt, startMt);
        return RmqueueSmallest(zone, order, startMt);
    }

    private static void AddClaimReceipt(Zone zone, long pfn, int order, MigrateType from, MigrateType to)
    {
        if (zone.Events.Listening)
            zone.Events.Add(new PageblockClaimed(zone.Events.Tick, zone.Name, pfn, order, from.ToString(), to.ToString(), true));
    }

    /// <summary>boost_watermark (mm/page_alloc.c), kernel-spec §3.2: fallbacks raise the zone's marks.</summary>
    private static void BoostWatermark(Zone zone)
    {
        long factor = zone.WatermarkBoostFactor;
        if (factor == 0 || Units.PageblockNrPages * 4L > zone.ManagedPages) return;
        long maxBoost = Math.Max(Units.PageblockNrPages, Units.MultFrac(zone.Watermarks.HighBase, factor, 10000));
        zone.Watermarks.Boost = Math.Min(zone.Watermarks.Boost + Units.PageblockNrPages, maxBoost);
    }

    /// <summary>prep_move_freepages_block's census: free pages and allocated movable pages in a pageblock.</summary>
    internal static (long FreePages, long MovablePages) CountPageblock(Zone zone, long blockStart)
    {
        long free = 0, movable = 0;
        long end = blockStart + Units.PageblockNrPages;
        for (long p = blockStart; p < end;)
        {
            PageFlags f = zone.PageFlagsArr[p];
            int step = 1;
            if ((f & PageFlags.Buddy) != 0) { step = 1 << zone.OrderArr[p]; free += step; }
            else if ((f & PageFlags.Head) != 0)
            {
                step = 1 << zone.OrderArr[p];
                if ((f & PageFlags.MovableAlloc) != 0) movable += step;
            }
            p += step;
        }
        return (free, movable);
    }

    /// <summary>__move_freepages_block (mm/page_alloc.c): move a pageblock's free blocks to another type's lists.</summary>
    internal static void MoveFreepagesBlock(Zone zone, long blockStart, MigrateType from, MigrateType to)
    {
        long end = blockStart + Units.PageblockNrPages;
        for (long p = blockStart; p < end;)
        {
            if ((zone.PageFlagsArr[p] & PageFlags.Buddy) != 0)
            {
                int o = zone.OrderArr[p];
                zone.DelFromFreeList((int)p, o, from);
                zone.AddToFreeList((int)p, o, to, tail: true);
                p += 1L << o;
            }
            else p++;
        }
    }
}
