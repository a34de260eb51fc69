// Models the page-cache half of mm/workingset.c (kernel-spec §11, §13.1-§13.2): when reclaim evicts a
// file page it leaves a shadow entry in the page's slot, stamped with the lruvec's nonresident_age
// (which advances by one per eviction and per activation). When the page is read back in, the
// refault distance (age now - age at eviction) is compared with the workingset the page competed
// with: the active file list, plus the anon lists when there is free swap. A page that refaults
// within that distance would have stayed resident had the active list been smaller, so it is
// activated at once (workingset_activate_file) and, if it had been active before it was evicted
// (PG_workingset), counted as a restore and charged to file_cost (lru_note_cost_refault). Those
// activations are what tells prepare_scan_control that the file LRU is thrashing (no cache trim mode).
// Shadows go when the page refaults, the file is truncated, the inode is evicted, or their distance
// passes totalram_pages (PageCache's stand-in for the shadow-node shrinker, counted in
// workingset_nodereclaim one per shadow rather than per xarray node); a page read back after its
// shadow went is a plain miss, not counted in workingset_refault_file, as after the kernel's shrinker.
// Not modelled: anon/shmem shadows in the swap cache (workingset_refault_anon stays 0), xarray nodes
//   (workingset_nodes stays 0), eviction buckets (bucket_order is 0 below 2^40 pages), memcg lruvecs.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Reclaim;

public sealed class Workingset(PgData node, Lruvec lru, Func<bool> swapAvailable)
{
    /// <summary>workingset_eviction: the shadow to leave in the slot of <paramref name="pfn"/> (packed age
    /// and PG_workingset), and one more tick of nonresident_age.</summary>
    public long Eviction(int pfn)
    {
        long eviction = lru.NonresidentAge;
        lru.NonresidentAge++;
        bool workingset = (node.Map.Flags[pfn] & PageFlags.Workingset) != 0;
        return (eviction << 1) | (workingset ? 1L : 0L);
    }

    /// <summary>workingset_activation: an activation ages the non-resident clock too.</summary>
    public void Activation() => lru.NonresidentAge++;

    /// <summary>workingset_refault for a file page read back into a slot that held <paramref name="shadow"/>.
    /// Returns true when the page must go straight onto the active file list.</summary>
    public bool Refault(int pfn, long shadow)
    {
        node.AddStat(NodeStatItem.WorkingsetRefaultFile, 1);
        if (RefaultDistance(shadow) > WorkingsetSizeFile()) return false;
        lru.NonresidentAge++;
        node.AddStat(NodeStatItem.WorkingsetActivateFile, 1);
        if ((shadow & 1) != 0)
        {
            node.Map.Flags[pfn] |= PageFlags.Workingset;
            lru.NoteCost(file: true, nrIo: 1, nrRotated: 0);
            node.AddStat(NodeStatItem.WorkingsetRestoreFile, 1);
        }
        return true;
    }

    /// <summary>(refault - eviction): evictions and activations since the page left.</summary>
    public long RefaultDistance(long shadow) => lru.NonresidentAge - (shadow >> 1);

    /// <summary>workingset_test_recent's workingset_size for a file page: NR_ACTIVE_FILE, plus both anon
    /// lists when swap has room (anon pages then compete for the same memory).</summary>
    public long WorkingsetSizeFile()
    {
        long size = node.Stat[(int)NodeStatItem.NrActiveFile];
        if (swapAvailable())
            size += node.Stat[(int)NodeStatItem.NrActiveAnon] + node.Stat[(int)NodeStatItem.NrInactiveAnon];
        return size;
    }
}
