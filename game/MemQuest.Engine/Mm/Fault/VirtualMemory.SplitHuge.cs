// Models __split_huge_pmd (mm/huge_memory.c __split_huge_pmd_locked, __split_huge_zero_page_pmd),
// kernel-spec §16: when part of a 2 MiB huge mapping is unmapped (or a write hits a THP shared after
// fork: do_huge_pmd_wp_page falls back to a 4 KiB copy), the PMD is replaced by the PTE
// page deposited under it (pgtable_trans_huge_withdraw; it was counted in VmPTE when the THP was
// mapped, so VmPTE does not change), every PTE names its subpage (write-protected if the PMD was),
// NR_ANON_THPS (AnonHugePages) drops by the whole 2 MiB and thp_split_pmd counts the split. The
// deferred split queue (DeferredSplitQueue) then keeps subpages nobody maps until the folio is split.
// Simplification: the folio is split for every process that maps it (after fork), not only for the
// one that unmaps or writes; the kernel leaves the other mappers' PMDs (so meminfo AnonHugePages
// drops here at the first split, there when the last PMD mapping goes).
using MemQuest.Engine.Mm.PageTables;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Mm;

public sealed partial class VirtualMemory
{
    /// <summary>split_huge_pmd on the PTE table <paramref name="t"/> whose PMD maps a THP or the huge zero page.</summary>
    internal void SplitHugePmd(PteTable t)
    {
        int e = t.HugeEntry;
        CountVmEvent(VmEventItem.ThpSplitPmd);
        if (e <= 0)
        {
            t.HugeEntry = 0;
            Array.Fill(t.Entries, PteTable.ZeroPage);   // __split_huge_zero_page_pmd
            return;
        }
        int head = PteTable.PfnOf(e);
        var mappers = Rmap.Lookup(head);
        PageFlags f = Map.Flags[head];
        LruList list = (f & PageFlags.Active) != 0 ? LruList.ActiveAnon : LruList.InactiveAnon;
        if ((f & PageFlags.Lru) != 0) Lru.Del(head, list);
        PageAlloc.SplitPage(head, Units.PageblockOrder);
        Rmap.SplitHuge(head, Units.PageblockNrPages);
        Node.AddStat(NodeStatItem.NrAnonTransparentHugepages, -Units.PageblockNrPages);
        for (int i = 0; i < Units.PageblockNrPages; i++)
        {
            Map.Flags[head + i] |= PageFlags.Anon;
            if ((f & PageFlags.Lru) != 0) Lru.Add(head + i, list);
        }
        RemapAsPtes(t, head);
        foreach (var hit in mappers)
        {
            PteTable pt = hit.Process.Mm!.Space.Tables.Find(hit.VirtualAddress)!;
            if (pt != t) RemapAsPtes(pt, head);
        }
        DeferredSplit.Track(head, Units.PageblockNrPages);
    }

    /// <summary>pgtable_trans_huge_withdraw + the PTE loop of __split_huge_pmd_locked: the deposited table maps
    /// every subpage, write-protected if the PMD was.</summary>
    private static void RemapAsPtes(PteTable t, int head)
    {
        bool wp = PteTable.IsWriteProtected(t.HugeEntry);
        t.HugeEntry = 0;
        for (int i = 0; i < Units.PageblockNrPages; i++) t.Entries[i] = PteTable.Present(head + i, wp);
    }
}
