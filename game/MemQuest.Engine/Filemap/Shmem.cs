// Models the swap side of tmpfs (mm/shmem.c), kernel-spec §11-§13: a tmpfs page has no disk to be
// written back to, so drop_caches and the flusher never free it; the only way out of memory is swap.
// Reclaim finds tmpfs pages on the anon LRU and shmem_writeout moves each to a fresh swap slot: the
// page leaves the file (NR_SHMEM and NR_FILE_PAGES drop), passes through the swap cache while it is
// written (pswpout), and the file's slot keeps the swap entry. Reading or writing that part of the
// file again reads the page back (shmem_swapin_folio: pswpin, no pgmajfault outside a page fault),
// and swapoff brings every tmpfs page of the area back first (shmem_unuse).
// Invariants: a swapped-out index holds exactly one reference on its slot; an index holds a page or a
//   swap entry, never both.
// Not modelled: huge tmpfs pages, the swap cache staying populated after swap-in (it is left at once),
//   size= limits (ENOSPC), shmem mappings by processes (the lab cannot map a tmpfs file).
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Swap;

namespace MemQuest.Engine.Filemap;

public sealed class Shmem(PgData node, PageCache cache, Lruvec lru, SwapTable swap)
{
    /// <summary>shmem_writeout (reclaim's pageout for a tmpfs page already isolated from the LRU):
    /// true when the page went to swap and was freed; false when it must stay (no free slot, mapped).</summary>
    public bool Writeout(int pfn)
    {
        Inode? inode = cache.InodeOf(pfn, onLru: false);
        if (inode is null || !inode.IsShmem || (node.Map.Flags[pfn] & PageFlags.Mapped) != 0) return false;
        long entry = swap.GetSwapPage();
        if (entry < 0) return false;
        long index = cache.IndexOf(pfn);
        cache.RemovePage(inode, pfn);
        inode.SwapEntries[index] = entry;       // the file's slot keeps the allocation's reference
        swap.AddToSwapCache(pfn, entry);
        swap.WritePage();
        swap.DeleteFromSwapCache(pfn);
        node.Map.Flags[pfn] &= ~(PageFlags.Shmem | PageFlags.Referenced | PageFlags.Workingset);
        cache.FreeRemovedPage(pfn);
        return true;
    }

    /// <summary>shmem_swapin_folio: read page <paramref name="index"/> of a tmpfs file back from swap onto
    /// the inactive anon LRU and free its slot. Returns the pfn, or NoPfn when memory ran out.</summary>
    public int SwapIn(Inode inode, long index)
    {
        long entry = inode.SwapEntries[index];
        int pfn = swap.ReadPage();
        if (pfn == MemMap.NoPfn) return MemMap.NoPfn;
        inode.SwapEntries.Remove(index);
        cache.InsertPage(inode, index, pfn);
        lru.Add(pfn, LruList.InactiveAnon);
        swap.FreeEntry(entry);
        return pfn;
    }

    /// <summary>shmem_unuse (mm/shmem.c, from try_to_unuse): bring back every tmpfs page swapped to
    /// area <paramref name="type"/>; false when memory ran out first.</summary>
    public bool Unuse(int type)
    {
        foreach (Inode inode in cache.Inodes.Where(i => i.SwapEntryCount > 0).ToList())
            foreach (var (index, entry) in inode.SwapEntries.ToList())
                if (SwapTable.TypeOf(entry) == type && SwapIn(inode, index) == MemMap.NoPfn) return false;
        return true;
    }
}
