// IAnonRmap over the Mm subsystem's page tables and anon rmap (mm/rmap.c try_to_unmap,
// remove_migration_ptes; mm/swapfile.c unuse_pte_range for swapoff), kernel-spec §12: swap-out
// replaces each PTE of the page by the swap entry, migration points each PTE at the new page, and
// try_to_unuse brings every entry of an area back (the page is read once, then mapped into every
// PTE that named the slot, copy-on-write protected when several did).
// Not modelled: THP swap-out (huge pages are refused), swap readahead.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.PageTables;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Swap;

public sealed class MmAnonRmap(VirtualMemory vm, ProcessTable processes, SwapTable swap) : IAnonRmap
{
    /// <summary>try_to_unmap via VirtualMemory.TryUnmapAnonPage.</summary>
    public int TryToUnmap(int pfn, long swapEntry) =>
        vm.TryUnmapAnonPage(pfn, (int)swapEntry, out int unmapped) ? unmapped : 0;

    /// <summary>remove_migration_ptes: every PTE naming <paramref name="oldPfn"/> now names <paramref name="newPfn"/>.</summary>
    public bool MovePage(int oldPfn, int newPfn)
    {
        if (vm.Map.Order[oldPfn] != 0) return false;
        var hits = vm.Rmap.Lookup(oldPfn);
        if (hits.Count == 0) return false;
        foreach (var hit in hits)
        {
            PteTable t = hit.Process.Mm!.Space.Tables.Find(hit.VirtualAddress)!;
            int i = (int)((hit.VirtualAddress >> Units.PageShift) & (PteTable.EntriesPerTable - 1));
            t.Entries[i] = PteTable.Present(newPfn, PteTable.IsWriteProtected(t.Entries[i]));
        }
        vm.DeferredSplit.Forget(oldPfn);
        return true;
    }

    /// <summary>try_to_unuse (mm/swapfile.c): swap every entry of area <paramref name="type"/> back in.</summary>
    public bool UnuseSwapArea(int type)
    {
        var readIn = new SortedDictionary<long, (int Pfn, bool Shared, bool Mapped)>();
        foreach (Process p in processes.TaskList)
        {
            if (p.Mm is null) continue;
            foreach (var (slot, table) in p.Mm.Space.Tables.PteTables)
                for (int i = 0; i < PteTable.EntriesPerTable; i++)
                {
                    int e = table.Entries[i];
                    if (!PteTable.IsSwap(e) || SwapTable.TypeOf(PteTable.SwapSlotOf(e)) != type) continue;
                    long addr = (slot << PageTable.PmdShift) + ((long)i << Units.PageShift);
                    if (!UnusePte(p, table, i, addr, PteTable.SwapSlotOf(e), readIn)) return false;
                }
        }
        foreach (var page in readIn.Values) swap.DeleteFromSwapCache(page.Pfn);
        return true;
    }

    /// <summary>unuse_pte: map the page holding <paramref name="entry"/> where the swap PTE was.</summary>
    private bool UnusePte(Process p, PteTable table, int i, long addr, long entry, SortedDictionary<long, (int Pfn, bool Shared, bool Mapped)> readIn)
    {
        if (!readIn.TryGetValue(entry, out var page))
        {
            int pfn = swap.FindSwapCachePage(entry);
            bool mapped = pfn >= 0 && vm.Rmap.Lookup(pfn).Count > 0;
            if (pfn < 0)
            {
                long got = swap.SwapIn(entry, write: false);
                if (got < 0) return false;
                pfn = (int)got;
            }
            page = (pfn, swap.AreaOf(entry)!.ReferencesOf(SwapTable.SlotOf(entry)) > 2, mapped);
        }
        table.Entries[i] = PteTable.Present(page.Pfn, page.Shared);
        if (page.Mapped) vm.Rmap.Dup(page.Pfn);
        else
        {
            vm.Rmap.AddNew(page.Pfn, p, addr);
            vm.Node.AddStat(NodeStatItem.NrAnonPages, 1);
        }
        readIn[entry] = page with { Mapped = true };
        MmStruct mm = p.Mm!;
        mm.RssAnonPages++;
        mm.SwapEntsPages--;
        mm.UpdateHiwaterRss();
        swap.FreeEntry(entry);
        return true;
    }
}
