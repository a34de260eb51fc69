// Models try_to_unmap for an anonymous page being swapped out (mm/rmap.c try_to_unmap_one),
// kernel-spec §12: the API the swap subsystem uses. Every PTE that maps the page is replaced by
// the swap entry, RssAnon moves to VmSwap (MM_SWAPENTS) in each mapper, NR_ANON_MAPPED drops.
// The page itself is left to the caller (isolated from the LRU, in the swap cache, freed after
// writeback). THPs must be split first (not modelled: they are refused).
namespace MemQuest.Engine.Mm;

public sealed partial class VirtualMemory
{
    /// <summary>try_to_unmap (mm/rmap.c): unmap anon page <paramref name="pfn"/> from every process, leaving
    /// swap entry <paramref name="swapSlot"/> in each PTE. False (nothing changed) when pfn is not a mapped
    /// order-0 anon page. <paramref name="unmapped"/> counts the PTEs replaced.</summary>
    public bool TryUnmapAnonPage(int pfn, int swapSlot, out int unmapped)
    {
        unmapped = 0;
        if (swapSlot < 0 || Map.Order[pfn] != 0) return false;
        var hits = Rmap.Lookup(pfn);
        if (hits.Count == 0) return false;
        foreach (var hit in hits)
        {
            MmStruct mm = hit.Process.Mm!;
            var t = mm.Space.Tables.Find(hit.VirtualAddress)!;
            t.Entries[(hit.VirtualAddress >> Units.PageShift) & (PageTables.PteTable.EntriesPerTable - 1)] = PageTables.PteTable.SwapEntry(swapSlot);
            mm.UpdateHiwaterRss();
            mm.RssAnonPages--;
            mm.SwapEntsPages++;
            Rmap.Remove(pfn);
            unmapped++;
        }
        Node.AddStat(MemQuest.Engine.PageAlloc.NodeStatItem.NrAnonPages, -1);
        DeferredSplit.Forget(pfn);
        return true;
    }
}
