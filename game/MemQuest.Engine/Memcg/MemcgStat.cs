// Models memory.stat for cgroup v2 (mm/memcontrol.c memcg_stat_format over memory_stats[] and
// memcg_vm_event_stat[], 6.18, with the box's config: CONFIG_ZSWAP, CONFIG_SWAP,
// CONFIG_TRANSPARENT_HUGEPAGE, CONFIG_NUMA_BALANCING and CONFIG_MEMCG_V1 set, hugetlb not
// accounted to memcg), kernel-spec §14.1: every line the kernel prints, in its order; sizes in
// bytes, workingset/pgdemote/pgpromote and events as counts; each value is the group's subtree.
// Source: 6.18's memory_stats[] and memcg_vm_event_stat[]; the lab machine runs the memory
// controller on cgroup v1, so no v2 file could be read there, and the v1 file has other keys.
// Where the values come from: user pages charged to the subtree, by page flags (anon, file,
//   shmem, file_mapped, file_dirty, file_writeback, swapcached, anon_thp) and by the groups' own LRU
//   lists (inactive/active anon/file, unevictable); kernel and pagetables from __GFP_ACCOUNT pages
//   (page tables are the only ones here). Events: pgfault, pgmajfault and pswpin of the group's tasks
//   (counted while a task of the group is current), and pgscan/pgsteal/pgrefill/pgactivate/
//   pgdeactivate/pswpout of memcg reclaim on the group's lruvec. The root shows the whole node for
//   page states (every user page is charged to some group in the kernel, the root included) and
//   the global event counters plus what memcg reclaim counted only in groups.
// Always 0 here, because the model has no such memory or does not charge it to groups: kernel_stack,
//   sec_pagetables, percpu, sock, vmalloc, zswap, zswapped, file_thp, shmem_thp, slab_reclaimable,
//   slab_unreclaimable, slab (slab objects are not charged), workingset_* (no refault detection is
//   charged to groups), pgdemote_*, pgpromote_success, pgscan/pgsteal_khugepaged and _proactive,
//   pglazyfree(d), swpin_zero, swpout_zero, zswp*, thp_*, numa_*; and for non-root groups, the
//   part of global reclaim (kswapd, direct) that fell on the group's pages.
using MemQuest.Engine.Filemap;
using MemQuest.Engine.Mm;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Memcg;

public sealed class MemcgStat(MemcgTree tree, MemcgCharge charge, PgData node, VmEvents events, Func<Process?> current)
{
    /// <summary>Events a task's own activity raises (count_memcg_event_mm / count_memcg_folio_events on its new page).</summary>
    private static readonly VmEventItem[] TaskEvents = [VmEventItem.Pgfault, VmEventItem.Pgmajfault, VmEventItem.Pswpin];

    /// <summary>Events global counters skip for memcg reclaim (cgroup_reclaim): the root adds the groups' share.</summary>
    private static readonly VmEventItem[] CgroupOnlyEvents =
    [
        VmEventItem.PgscanKswapd, VmEventItem.PgscanDirect, VmEventItem.PgscanKhugepaged, VmEventItem.PgscanProactive,
        VmEventItem.PgstealKswapd, VmEventItem.PgstealDirect, VmEventItem.PgstealKhugepaged, VmEventItem.PgstealProactive,
        VmEventItem.Pgrefill,
    ];

    /// <summary>memcg_vm_event_stat[] minus PGPGIN/PGPGOUT (v1 only), in print order.</summary>
    private static readonly VmEventItem[] EventStat =
    [
        VmEventItem.Pswpin, VmEventItem.Pswpout,
        VmEventItem.PgscanKswapd, VmEventItem.PgscanDirect, VmEventItem.PgscanKhugepaged, VmEventItem.PgscanProactive,
        VmEventItem.PgstealKswapd, VmEventItem.PgstealDirect, VmEventItem.PgstealKhugepaged, VmEventItem.PgstealProactive,
        VmEventItem.Pgfault, VmEventItem.Pgmajfault, VmEventItem.Pgrefill, VmEventItem.Pgactivate, VmEventItem.Pgdeactivate,
        VmEventItem.Pglazyfree, VmEventItem.Pglazyfreed, VmEventItem.SwpinZero, VmEventItem.SwpoutZero,
        VmEventItem.Zswpin, VmEventItem.Zswpout, VmEventItem.Zswpwb,
        VmEventItem.ThpFaultAlloc, VmEventItem.ThpCollapseAlloc, VmEventItem.ThpSwpout, VmEventItem.ThpSwpoutFallback,
        VmEventItem.NumaPagesMigrated, VmEventItem.NumaPteUpdates, VmEventItem.NumaHintFaults,
    ];

    /// <summary>The VmEvents observer: charge a task's own events to its group (count_memcg_event_mm).</summary>
    public void CountTaskEvent(VmEventItem item, long delta)
    {
        if (Array.IndexOf(TaskEvents, item) < 0 || current() is not { IsKernelThread: false } p) return;
        MemCgroup g = tree.GroupOf(p);
        if (!g.IsRoot) g.VmEventsLocal[(int)item] += delta;
    }

    /// <summary>memory_stat_show: every line as (name, value), in the kernel's order.</summary>
    public IReadOnlyList<(string Name, long Value)> Compute(MemCgroup g)
    {
        Pages p = g.IsRoot ? RootPages() : GroupPages(g);
        long Bytes(long pages) => Units.PagesToBytes(pages);
        long Lru(LruList l) => g.IsRoot ? node.Stat[(int)NodeStatItem.NrInactiveAnon + (int)l] : charge.Lruvecs.Of(g).Count(l);
        var rows = new List<(string, long)>
        {
            ("anon", Bytes(p.Anon)), ("file", Bytes(p.File)), ("kernel", Bytes(p.Kernel)), ("kernel_stack", 0),
            ("pagetables", Bytes(p.Pagetables)), ("sec_pagetables", 0), ("percpu", 0), ("sock", 0), ("vmalloc", 0),
            ("shmem", Bytes(p.Shmem)), ("zswap", 0), ("zswapped", 0), ("file_mapped", Bytes(p.FileMapped)),
            ("file_dirty", Bytes(p.FileDirty)), ("file_writeback", Bytes(p.FileWriteback)), ("swapcached", Bytes(p.Swapcached)),
            ("anon_thp", Bytes(p.AnonThp)), ("file_thp", 0), ("shmem_thp", 0),
            ("inactive_anon", Bytes(Lru(LruList.InactiveAnon))), ("active_anon", Bytes(Lru(LruList.ActiveAnon))),
            ("inactive_file", Bytes(Lru(LruList.InactiveFile))), ("active_file", Bytes(Lru(LruList.ActiveFile))),
            ("unevictable", Bytes(Lru(LruList.Unevictable))),
            ("slab_reclaimable", 0), ("slab_unreclaimable", 0), ("slab", 0),
            ("workingset_refault_anon", 0), ("workingset_refault_file", 0), ("workingset_activate_anon", 0),
            ("workingset_activate_file", 0), ("workingset_restore_anon", 0), ("workingset_restore_file", 0),
            ("workingset_nodereclaim", 0),
            ("pgdemote_kswapd", 0), ("pgdemote_direct", 0), ("pgdemote_khugepaged", 0), ("pgdemote_proactive", 0),
            ("pgpromote_success", 0),
        };
        long[] ev = Events(g);
        long E(VmEventItem i) => ev[(int)i];
        rows.Add(("pgscan", E(VmEventItem.PgscanKswapd) + E(VmEventItem.PgscanDirect) + E(VmEventItem.PgscanProactive) + E(VmEventItem.PgscanKhugepaged)));
        rows.Add(("pgsteal", E(VmEventItem.PgstealKswapd) + E(VmEventItem.PgstealDirect) + E(VmEventItem.PgstealProactive) + E(VmEventItem.PgstealKhugepaged)));
        foreach (VmEventItem i in EventStat) rows.Add((VmEventNames.All[(int)i], E(i)));
        return rows;
    }

    /// <summary>memcg_events over the subtree; for the root, the global counters (plus memcg-reclaim-only counts).</summary>
    private long[] Events(MemCgroup g)
    {
        var sum = new long[(int)VmEventItem.Count];
        foreach (MemCgroup c in tree.PreOrder(g))
            if (!c.IsRoot)
                for (int i = 0; i < sum.Length; i++) sum[i] += c.VmEventsLocal[i];
        if (!g.IsRoot) return sum;
        var root = new long[sum.Length];
        for (int i = 0; i < root.Length; i++) root[i] = events[(VmEventItem)i];
        foreach (VmEventItem i in CgroupOnlyEvents) root[(int)i] += sum[(int)i];
        return root;
    }

    private Pages GroupPages(MemCgroup g)
    {
        var p = new Pages();
        MemMap map = node.Map;
        foreach (var (pfn, kmem) in charge.ChargedBlocks(g))
        {
            long n = 1L << map.Order[pfn];
            PageFlags f = map.Flags[pfn];
            if (kmem) { p.Kernel += n; p.Pagetables += n; continue; }
            if ((f & PageFlags.SwapCache) != 0) { p.Swapcached += n; p.File += n; }
            if ((f & PageFlags.Anon) != 0)
            {
                p.Anon += n;
                if (n > 1) p.AnonThp += n;
                continue;
            }
            if ((f & PageFlags.SwapCache) == 0) p.File += n;
            if ((f & PageFlags.Shmem) != 0) p.Shmem += n;
            if ((f & PageFlags.Mapped) != 0) p.FileMapped += n;
            if ((f & PageFlags.Dirty) != 0) p.FileDirty += n;
            if ((f & PageFlags.Writeback) != 0) p.FileWriteback += n;
        }
        return p;
    }

    private Pages RootPages()
    {
        long S(NodeStatItem i) => node.Stat[(int)i];
        Pages kmem = GroupPages(tree.Root);
        return new Pages
        {
            Anon = S(NodeStatItem.NrAnonPages), File = S(NodeStatItem.NrFilePages), Kernel = kmem.Kernel, Pagetables = kmem.Pagetables,
            Shmem = S(NodeStatItem.NrShmem), FileMapped = S(NodeStatItem.NrMapped), FileDirty = S(NodeStatItem.NrDirty),
            FileWriteback = S(NodeStatItem.NrWriteback), Swapcached = S(NodeStatItem.NrSwapcached),
            AnonThp = S(NodeStatItem.NrAnonTransparentHugepages),
        };
    }

    private sealed class Pages
    {
        public long Anon, File, Kernel, Pagetables, Shmem, FileMapped, FileDirty, FileWriteback, Swapcached, AnonThp;
    }
}
