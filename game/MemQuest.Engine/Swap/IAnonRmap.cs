// The seam between reclaim/compaction/swapoff and whoever owns the page tables (the Mm subsystem):
// the anon half of mm/rmap.c and the swap-entry walk of mm/swapfile.c. Reclaim cannot swap, migrate
// or swap off anon pages until an implementation is plugged into Machine.AnonRmap.
namespace MemQuest.Engine.Swap;

public interface IAnonRmap
{
    /// <summary>try_to_unmap (mm/rmap.c) for an anon page going to swap: every PTE that maps
    /// <paramref name="pfn"/> becomes <paramref name="swapEntry"/>; the owner moves MM_ANONPAGES to
    /// MM_SWAPENTS (VmSwap) and lowers NR_ANON_MAPPED. Returns the PTEs replaced; 0 when the page
    /// cannot be unmapped now (nothing changed).</summary>
    int TryToUnmap(int pfn, long swapEntry);

    /// <summary>remove_migration_ptes (mm/migrate.c): PTEs that mapped <paramref name="oldPfn"/> now map
    /// <paramref name="newPfn"/> (same contents). False when the page cannot be migrated.</summary>
    bool MovePage(int oldPfn, int newPfn);

    /// <summary>try_to_unuse (mm/swapfile.c): fault every entry of swap area <paramref name="type"/> back
    /// in (SwapTable.SwapIn); false when memory ran out first.</summary>
    bool UnuseSwapArea(int type);
}
