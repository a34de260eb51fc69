// Models the per-list work of mm/vmscan.c, kernel-spec §11 and §13.3: isolate_lru_folios from the
// cold tail, shrink_active_list (deactivation; pgrefill, pgdeactivate) and shrink_inactive_list +
// shrink_folio_list: clean unmapped file pages are freed; dirty ones are written first (kswapd's
// pageout, or the direct reclaimer's wait for the flusher it wakes: writeback is instant here) and
// then freed; referenced mapped or anon pages are activated; anon pages go to swap
// through the rmap seam when a slot is free, else they are activated (never reclaimed without swap).
// Invariant: every isolated page ends up freed or back on an LRU list in the same call.
// Not modelled: PTE young bits (Referenced stands in for them), unmapping mapped file pages (they are
//   kept: there is no file rmap yet), the writeback state, immediate-reclaim rotation, throttling time.
using MemQuest.Engine.Filemap;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Swap;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Reclaim;

public sealed class ShrinkList(PgData node, PageAllocator alloc, Lruvec lru, PageCache cache, SwapTable swap, Writeback writeback, VmEvents events)
{
    /// <summary>Who answers try_to_unmap for anon pages (the Mm subsystem); null: anon cannot be swapped.</summary>
    public IAnonRmap? AnonRmap { get; set; }

    /// <summary>isolate_lru_folios: up to <paramref name="nrToScan"/> pages from the tail of
    /// <paramref name="list"/>; pages of zones above reclaim_idx go back to the head (pgskip_*).</summary>
    private List<int> Isolate(LruList list, long nrToScan, ZoneType reclaimIdx)
    {
        var taken = new List<int>();
        long skipped = 0, listSize = lru.Count(list);
        int pfn = lru.Tail(list);
        while (pfn != MemMap.NoPfn && taken.Count < nrToScan && skipped + taken.Count < listSize)
        {
            int prev = node.Map.Links[pfn].Prev;
            Zone? z = node.ZoneOf(pfn);
            if (z is not null && z.Type > reclaimIdx)
            {
                lru.Move(pfn, list, list);
                skipped++;
                events.Count(VmEventItem.PgskipDma + (int)z.Type);
            }
            else
            {
                lru.Del(pfn, list);
                taken.Add(pfn);
            }
            pfn = prev;
        }
        return taken;
    }

    /// <summary>shrink_active_list (mm/vmscan.c): move pages from the active tail to the inactive head,
    /// except referenced mapped file pages, which rotate back onto the active list.</summary>
    public void ShrinkActive(LruList active, long nrToScan, ScanControl sc)
    {
        List<int> pages = Isolate(active, nrToScan, sc.ReclaimIdx);
        long deactivated = 0;
        foreach (int pfn in pages)
        {
            PageFlags f = node.Map.Flags[pfn];
            bool keep = (f & (PageFlags.Mapped | PageFlags.Referenced | PageFlags.Anon)) == (PageFlags.Mapped | PageFlags.Referenced);
            if (keep)
            {
                node.Map.Flags[pfn] &= ~PageFlags.Referenced;
                lru.Add(pfn, active);
                continue;
            }
            lru.Add(pfn, active - 1);
            deactivated++;
        }
        events.Count(VmEventItem.Pgrefill, pages.Count);
        events.Count(VmEventItem.Pgdeactivate, deactivated);
    }

    /// <summary>shrink_inactive_list + shrink_folio_list (mm/vmscan.c). Returns pages reclaimed.</summary>
    public long ShrinkInactive(LruList inactive, long nrToScan, ScanControl sc)
    {
        bool file = inactive == LruList.InactiveFile;
        List<int> pages = Isolate(inactive, nrToScan, sc.ReclaimIdx);
        long reclaimed = 0, pageout = 0, activated = 0;
        foreach (int pfn in pages)
        {
            PageOutcome outcome = file ? ShrinkFilePage(pfn, sc) : ShrinkAnonPage(pfn);
            if (outcome == PageOutcome.Freed) reclaimed++;
            if (outcome == PageOutcome.SwappedOut) { reclaimed++; pageout++; }
            if (outcome == PageOutcome.Activated) { lru.Add(pfn, inactive + 1); activated++; }
            if (outcome == PageOutcome.Kept) lru.Add(pfn, inactive);
        }
        Count(sc, file, pages.Count, reclaimed);
        events.Count(VmEventItem.Pgactivate, activated);
        lru.NoteCost(file, pageout, pages.Count - reclaimed);
        return reclaimed;
    }

    private void Count(ScanControl sc, bool file, long scanned, long reclaimed)
    {
        sc.NrScanned += scanned;
        sc.NrReclaimed += reclaimed;
        if (file) { sc.NrScannedFile += scanned; sc.NrReclaimedFile += reclaimed; }
        else { sc.NrScannedAnon += scanned; sc.NrReclaimedAnon += reclaimed; }
        events.Count(sc.IsKswapd ? VmEventItem.PgscanKswapd : VmEventItem.PgscanDirect, scanned);
        events.Count(sc.IsKswapd ? VmEventItem.PgstealKswapd : VmEventItem.PgstealDirect, reclaimed);
        events.Count(file ? VmEventItem.PgscanFile : VmEventItem.PgscanAnon, scanned);
        events.Count(file ? VmEventItem.PgstealFile : VmEventItem.PgstealAnon, reclaimed);
    }

    private enum PageOutcome { Freed, SwappedOut, Activated, Kept }

    /// <summary>folio_check_references + the file branch of shrink_folio_list.</summary>
    private PageOutcome ShrinkFilePage(int pfn, ScanControl sc)
    {
        PageFlags f = node.Map.Flags[pfn];
        Inode? inode = cache.InodeOf(pfn, onLru: false);
        if (inode is null) return PageOutcome.Kept;
        if ((f & PageFlags.Mapped) != 0)
        {
            if ((f & PageFlags.Referenced) != 0) { node.Map.Flags[pfn] &= ~PageFlags.Referenced; return PageOutcome.Activated; }
            node.Map.Flags[pfn] |= PageFlags.Referenced;
            return PageOutcome.Kept;
        }
        if ((f & (PageFlags.Dirty | PageFlags.Writeback)) != 0)
        {
            // A dirty page at the cold end: kswapd writes it itself (pageout, nr_vmscan_write); a
            // direct reclaimer is throttled until the flusher has written it (reclaim_throttle on
            // writeback). Writeback completes at once in this model, so either way the page is
            // clean now and can go, and the disk time is the stall the task would have seen.
            sc.NrDirtySkipped++;
            if (sc.IsKswapd) node.AddStat(NodeStatItem.NrVmscanWrite, 1);
            else node.AddStat(NodeStatItem.NrVmscanImmediateReclaim, 1);
            cache.WritePage(inode, pfn);
            writeback.RequestFlush();
        }
        cache.DeletePage(inode, pfn);
        return PageOutcome.Freed;
    }

    /// <summary>The anon branch of shrink_folio_list: add_to_swap (a fresh slot, or the clean copy a
    /// swap-cache page still has), try_to_unmap (each PTE takes a reference on the slot), pageout
    /// when the contents were not on swap yet, then the page leaves the swap cache and is freed.</summary>
    private PageOutcome ShrinkAnonPage(int pfn)
    {
        PageFlags f = node.Map.Flags[pfn];
        if ((f & PageFlags.Referenced) != 0) { node.Map.Flags[pfn] &= ~PageFlags.Referenced; return PageOutcome.Activated; }
        if (AnonRmap is null) return PageOutcome.Activated;
        bool fresh = swap.EntryOf(pfn) < 0;
        if (fresh)
        {
            long slot = swap.GetSwapPage();
            if (slot < 0) return PageOutcome.Activated;
            swap.AddToSwapCache(pfn, slot);
            swap.FreeEntry(slot);
        }
        long entry = swap.EntryOf(pfn);
        int ptes = AnonRmap.TryToUnmap(pfn, entry);
        if (ptes == 0)
        {
            if (fresh) swap.DeleteFromSwapCache(pfn);
            return PageOutcome.Activated;
        }
        for (int i = 0; i < ptes; i++) swap.DuplicateEntry(entry);
        if (fresh) swap.WritePage();
        swap.DeleteFromSwapCache(pfn);
        node.Map.Flags[pfn] &= ~(PageFlags.Anon | PageFlags.Referenced | PageFlags.Dirty);
        node.Map.Private[pfn] = 0;
        alloc.FreePages(pfn, 0);
        return fresh ? PageOutcome.SwappedOut : PageOutcome.Freed;
    }
}
