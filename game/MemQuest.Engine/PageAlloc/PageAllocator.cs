// Models __alloc_pages (mm/page_alloc.c), kernel-spec §3.4-§3.5: gfp → zone and migratetype,
// the zonelist walk with the LOW watermark (fast path), then the slow path: wake kswapd, retry at
// MIN, direct compaction and reclaim, one last try at HIGH, then the OOM killer. Also __free_pages.
// Called by every subsystem that needs physical pages (page faults, slab, vmalloc, page cache).
// Invariants: a returned pfn heads an allocated block (PageFlags.Head, MemMap.Order = order);
//   FreePages accepts exactly such a block and nothing else.
// Not modelled: cpusets, mempolicies, highatomic reserves, PCP lists.
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using MemQuest.Engine.Events;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.PageAlloc;

public sealed class PageAllocator(PgData node, KernelEventLog events)
{
    /// <summary>Bound on OOM-kill rounds for one allocation; deterministic retries beyond this change nothing.</summary>
    private const int MaxSlowPathRounds = 64;

    /// <summary>A safety bound on reclaim rounds that made progress (each frees at least one page).</summary>
    private const long MaxReclaimRounds = 1L << 22;

    public PgData Node { get; } = node;

    /// <summary>The zonelist's first populated zone for each gfp_zone result (zones never change after boot).</summary>
    private readonly ZoneType[] _highestFor =
        [node.HighestPopulatedAtMost(ZoneType.Dma), node.HighestPopulatedAtMost(ZoneType.Dma32), node.HighestPopulatedAtMost(ZoneType.Normal)];
    /// <summary>NoFragmentFor's answer for each first zone, fixed at boot like _highestFor.</summary>
    private readonly AllocFlags[] _noFragmentFor =
        [NoFragmentFor(node, ZoneType.Dma), NoFragmentFor(node, ZoneType.Dma32), NoFragmentFor(node, ZoneType.Normal)];
    private readonly Zone[] _zones = node.Zones;
    private readonly PageFlags[] _pageFlags = node.Map.Flags;
    private readonly byte[] _pageOrder = node.Map.Order;
    public IAllocSlowPath SlowPath { get; set; } = new NoSlowPath();
    /// <summary>Memory cgroup charge of a new block (mem_cgroup_charge / __memcg_kmem_charge_page); false refuses it.</summary>
    public Func<long, int, GfpFlags, bool>? ChargeHook { get; set; }
    /// <summary>Memory cgroup uncharge when a block is freed.</summary>
    public Action<long, int>? UnchargeHook { get; set; }
    public long AllocFailures { get; private set; }
    /// <summary>The box's vm event counters: rmqueue counts pgalloc_&lt;zone&gt;, __free_pages pgfree (pages, not blocks).</summary>
    public VmEvents VmEvents { get; set; } = new();

    /// <summary>alloc_pages(gfp, order): the pfn of the first page of a 2^order block, or -1.</summary>
    public long AllocPages(int order, GfpFlags gfp)
    {
        if ((uint)order > Units.MaxPageOrder) return FailOrderTooHigh(order, gfp);
        ZoneType highest = _highestFor[(int)GfpZone(gfp)];
        MigrateType mt = GfpMigratetype(gfp);
        AllocFlags flags = AllocFlags.WmarkLow | _noFragmentFor[(int)highest];
        if ((gfp & GfpFlags.KswapdReclaim) != 0) flags |= AllocFlags.Kswapd;
        long pfn = GetPageFromFreelist(order, flags, highest, mt, gfp);
        if (pfn < 0) pfn = AllocPagesSlowpath(order, gfp, highest, mt);
        if (pfn >= 0 && ChargeHook is { } charge && !charge(pfn, order, gfp))
        {
            FreePages(pfn, order);                    // the memcg refused the charge (its OOM killer could not help)
            return -1;
        }
        return pfn;
    }

    /// <summary>__free_pages: give back a block this allocator handed out.</summary>
    public void FreePages(long pfn, int order)
    {
        Zone? zone = Node.ZoneOf(pfn);
        if (zone is null) ThrowNoZone(pfn);
        if ((PfnColumn.At(_pageFlags, (int)pfn) & PageFlags.Head) == 0 || PfnColumn.At(_pageOrder, (int)pfn) != order) ThrowBadFree(pfn, order);
#if DEBUG
        if (Node.Map.Private[pfn] != 0) ThrowPrivateSet(pfn, Node.Map.Private[pfn]);   // the tests run in Debug
#endif
        UnchargeHook?.Invoke(pfn, order);
        VmEvents.CountPages(VmEventItem.Pgfree, order);
        BuddyAllocator.FreeOnePage(zone, (int)pfn, order);
    }

    /// <summary>split_page_memcg: the memcg charge of a block that split_page cuts into order-0 pages.</summary>
    public Action<long, int>? SplitHook { get; set; }

    /// <summary>split_page (mm/page_alloc.c): an allocated 2^order block becomes 2^order allocated order-0
    /// pages, each freed on its own later (used when a THP is split).</summary>
    public void SplitPage(long pfn, int order)
    {
        if (!IsAllocatedHead(pfn, out int o) || o != order)
            throw new InvalidOperationException($"split_page: pfn {pfn} is not an allocated block of order {order}");
        Node.Map.Order[pfn] = 0;
        PageFlags tail = PageFlags.Head | (Node.Map.Flags[pfn] & PageFlags.MovableAlloc);
        for (long p = pfn + 1; p < pfn + (1L << order); p++)
        {
            Node.Map.Flags[p] = tail;
            Node.Map.Order[p] = 0;
            Node.Map.Private[p] = 0;
        }
        SplitHook?.Invoke(pfn, order);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long FailOrderTooHigh(int order, GfpFlags gfp) =>
        Fail(order, gfp, $"order {order} is above MAX_PAGE_ORDER {Units.MaxPageOrder}");

    [DoesNotReturn]
    private static void ThrowNoZone(long pfn) => throw new InvalidOperationException($"pfn {pfn} is in no zone");

    [DoesNotReturn]
    private static void ThrowPrivateSet(long pfn, int value) =>
        throw new InvalidOperationException($"bad page free: pfn {pfn} still has page->private {value}; its owner must clear it before freeing");

    [DoesNotReturn]
    private static void ThrowBadFree(long pfn, int order) =>
        throw new InvalidOperationException($"bad page free: pfn {pfn} order {order} is not an allocated block of that order");

    /// <summary>Whether pfn heads an allocated block; its order if so.</summary>
    public bool IsAllocatedHead(long pfn, out int order)
    {
        order = 0;
        if (pfn < 0 || pfn >= Node.Map.EndPfn || (Node.Map.Flags[pfn] & PageFlags.Head) == 0) return false;
        order = Node.Map.Order[pfn];
        return true;
    }

    /// <summary>gfp_zone (include/linux/gfp.h): the highest zone a request may use.</summary>
    public static ZoneType GfpZone(GfpFlags gfp) =>
        (gfp & GfpFlags.Dma) != 0 ? ZoneType.Dma
        : (gfp & GfpFlags.Dma32) != 0 ? ZoneType.Dma32
        : ZoneType.Normal;

    /// <summary>gfp_migratetype (include/linux/gfp.h).</summary>
    public static MigrateType GfpMigratetype(GfpFlags gfp) =>
        (gfp & GfpFlags.Movable) != 0 ? MigrateType.Movable
        : (gfp & GfpFlags.Reclaimable) != 0 ? MigrateType.Reclaimable
        : MigrateType.Unmovable;

    /// <summary>alloc_flags_nofragment (mm/page_alloc.c): a Normal-preferring request with a populated
    /// DMA32 below first tries every zone without fragmenting pageblocks.</summary>
    private static AllocFlags NoFragmentFor(PgData node, ZoneType highest) =>
        highest == ZoneType.Normal && node.Zones[(int)ZoneType.Dma32].IsPopulated ? AllocFlags.NoFragment : 0;

    /// <summary>zone_watermark_fast (mm/page_alloc.c): an order-0 request passes on the free count alone
    /// when it clears the mark plus lowmem_reserve (no reserve flag could lower the mark below that);
    /// everything else takes the full __zone_watermark_ok.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ZoneWatermarkFast(Zone z, int order, long mark, ZoneType highestZone, AllocFlags flags, long freePages)
    {
        if (order == 0)
        {
            if (freePages > mark + z.LowmemReserve[(int)highestZone]) return true;
            if ((flags & AllocFlags.Reserves) == 0) return false;    // __zone_watermark_ok would repeat the same test
        }
        return ZoneWatermarkOk(z, order, mark, highestZone, flags, freePages);
    }

    /// <summary>__zone_watermark_ok (mm/page_alloc.c), kernel-spec §3.4.</summary>
    public static bool ZoneWatermarkOk(Zone z, int order, long mark, ZoneType highestZone, AllocFlags flags, long freePages)
    {
        long free = freePages - ((1L << order) - 1);
        long min = mark;
        if ((flags & AllocFlags.Reserves) != 0)
        {
            if ((flags & AllocFlags.MinReserve) != 0)
            {
                min -= min / 2;
                if ((flags & AllocFlags.NonBlock) != 0) min -= min / 4;
            }
            if ((flags & AllocFlags.Oom) != 0) min -= min / 2;
        }
        if (free <= min + z.LowmemReserve[(int)highestZone]) return false;
        if (order == 0) return true;
        return z.HasFreeBlockAtLeast(order, (flags & (AllocFlags.HighAtomic | AllocFlags.Oom)) != 0);
    }

    private static long Mark(Zone z, AllocFlags flags) => (flags & AllocFlags.WmarkMask) switch
    {
        AllocFlags.WmarkLow => z.Watermarks.Low,
        AllocFlags.WmarkHigh => z.Watermarks.High,
        _ => z.Watermarks.Min,
    };

    /// <summary>get_page_from_freelist (mm/page_alloc.c): the first zone, highest first, that passes its watermark.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long GetPageFromFreelist(int order, AllocFlags flags, ZoneType highest, MigrateType mt, GfpFlags gfp)
    {
        Zone[] zones = _zones;
        while (true)
        {
            bool noFragment = (flags & AllocFlags.NoFragment) != 0;
            for (int i = (int)highest; i >= 0; i--)
            {
                Zone z = zones[i];
                if (!z.IsPopulated) continue;
                long freeBefore = z.NrFreePages;
                if (!ZoneWatermarkFast(z, order, Mark(z, flags), highest, flags, freeBefore)) continue;
                int pfn = BuddyAllocator.Rmqueue(z, order, mt, noFragment);
                if (pfn == MemMap.NoPfn) continue;
                PrepNewPage(z, pfn, order, gfp);
                VmEvents.CountPages(VmEventItem.PgallocDma + i, order);   // __count_zid_vm_events(PGALLOC, zid, 1 << order)
                if (events.Listening) NoteWatermark(z, freeBefore);
                return pfn;
            }
            if (!noFragment) return -1;
            flags &= ~AllocFlags.NoFragment;
        }
    }

    /// <summary>post_alloc_hook / prep_new_page (mm/page_alloc.c): the block's head page, and the NUMA counters.
    /// page->private needs no clearing here: every owner clears it before the block is freed (checked
    /// in FreePages), so a free block's private word is always 0 and the allocation never reads it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrepNewPage(Zone z, int pfn, int order, GfpFlags gfp)
    {
        PfnColumn.At(z.PageFlagsArr, pfn) = (gfp & GfpFlags.Movable) != 0 ? PageFlags.Head | PageFlags.MovableAlloc : PageFlags.Head;
        PfnColumn.At(z.OrderArr, pfn) = (byte)order;
        if (order <= Units.PageAllocCostlyOrder) z.PcpUsed = true;
        long[] stat = z.Stat;
        stat[(int)ZoneStatItem.NumaHit]++;
        stat[(int)ZoneStatItem.NumaLocal]++;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NoteWatermark(Zone z, long freeBefore)
    {
        foreach (WatermarkLevel level in new[] { WatermarkLevel.High, WatermarkLevel.Low, WatermarkLevel.Min })
        {
            long mark = z.Watermarks.Get(level);
            if (freeBefore > mark && z.NrFreePages <= mark)
                events.Add(new WatermarkCrossed(events.Tick, z.Name, level.ToString().ToLowerInvariant(), mark, z.NrFreePages, Below: true));
        }
    }

    /// <summary>__alloc_pages_slowpath (mm/page_alloc.c), kernel-spec §3.5.</summary>
    private long AllocPagesSlowpath(int order, GfpFlags gfp, ZoneType highest, MigrateType mt)
    {
        AllocFlags flags = GfpToAllocFlags(gfp);
        if ((gfp & GfpFlags.KswapdReclaim) != 0) SlowPath.WakeKswapd(order, highest);
        long pfn = GetPageFromFreelistSlow(order, flags, highest, mt, gfp);
        if (pfn >= 0) return pfn;
        if ((gfp & GfpFlags.DirectReclaim) == 0)
            return Fail(order, gfp, "cannot sleep, and every zone is below its min watermark or lacks a free block of that order");
        int oomRounds = 0;
        for (long round = 0; round < MaxReclaimRounds && oomRounds < MaxSlowPathRounds; round++)
        {
            if (order > 0 && SlowPath.DirectCompact(order, gfp) > 0)
            {
                pfn = GetPageFromFreelistSlow(order, flags, highest, mt, gfp);
                if (pfn >= 0) return pfn;
            }
            long reclaimed = SlowPath.DirectReclaim(order, gfp, highest);
            pfn = GetPageFromFreelistSlow(order, flags, highest, mt, gfp);
            if (pfn >= 0) return pfn;
            // should_reclaim_retry: progress resets the retry count (orders <= costly); the pool of
            // reclaimable pages is finite, so this ends in success or a pass that frees nothing.
            if (reclaimed > 0 && order <= Units.PageAllocCostlyOrder) continue;
            oomRounds++;
            pfn = GetPageFromFreelistSlow(order, AllocFlags.WmarkHigh, highest, mt, gfp);
            if (pfn >= 0) return pfn;
            if (order > Units.PageAllocCostlyOrder)
                return Fail(order, gfp, $"order {order} is costly (> {Units.PageAllocCostlyOrder}): no free block after compaction and reclaim, and the OOM killer is not used for it");
            if ((gfp & (GfpFlags.RetryMayfail | GfpFlags.ThisNode | GfpFlags.NoRetry)) != 0)
                return Fail(order, gfp, "reclaim made no progress and the caller asked not to invoke the OOM killer");
            if (GfpZone(gfp) < ZoneType.Normal)   // ac->highest_zoneidx is gfp_zone(), not the highest populated zone
                return Fail(order, gfp, "lowmem (DMA/DMA32-only) allocations never invoke the OOM killer");
            if (!SlowPath.OutOfMemory(order, gfp))
                return Fail(order, gfp, "no reclaimable memory and the OOM killer freed nothing");
        }
        return Fail(order, gfp, "gave up after repeated OOM kills freed too little");
    }

    /// <summary>get_page_from_freelist for the slow path's retries, kept out of line (the fast path inlines it).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private long GetPageFromFreelistSlow(int order, AllocFlags flags, ZoneType highest, MigrateType mt, GfpFlags gfp) =>
        GetPageFromFreelist(order, flags, highest, mt, gfp);

    /// <summary>gfp_to_alloc_flags (mm/page_alloc.c).</summary>
    private static AllocFlags GfpToAllocFlags(GfpFlags gfp)
    {
        AllocFlags flags = AllocFlags.WmarkMin;
        if ((gfp & GfpFlags.High) != 0) flags |= AllocFlags.MinReserve;
        if ((gfp & GfpFlags.KswapdReclaim) != 0) flags |= AllocFlags.Kswapd;
        if ((gfp & GfpFlags.DirectReclaim) == 0 && (gfp & GfpFlags.NoMemalloc) == 0) flags |= AllocFlags.NonBlock;
        return flags;
    }

    private long Fail(int order, GfpFlags gfp, string reason)
    {
        AllocFailures++;
        if (events.Listening) events.Add(new AllocFailed(events.Tick, order, GfpNames.Format(gfp), reason));
        return -1;
    }
}
