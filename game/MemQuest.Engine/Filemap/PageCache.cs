// Models the page cache of mm/filemap.c and mm/swap.c as kernel-spec §11 describes it: order-0
// page-cache pages allocated from the buddy allocator as GFP_HIGHUSER_MOVABLE (so compaction can
// migrate them), linked on the file LRU (new pages inactive, a second access activates them),
// clean/dirty/mapped state and the vmstat counters NR_FILE_PAGES, NR_DIRTY, NR_FILE_MAPPED,
// NR_ZONE_WRITE_PENDING, nr_dirtied/nr_written and pgpgin/pgpgout. Pages of a tmpfs inode (shmem,
// mm/shmem.c) are swap-backed: PG_swapbacked (PageFlags.Shmem), NR_SHMEM as well as NR_FILE_PAGES,
// the anon LRU instead of the file LRU, never dirty in the writeback sense (tmpfs has no backing
// device: NR_FILE_DIRTY stays). A file page evicted by reclaim leaves a shadow entry (Workingset).
// Back-references: MemMap.Private[pfn] = ino of the owning inode, _indexOf[pfn] = page index.
// Invariants: inode.PageAt(IndexOf(pfn)) == pfn for every page-cache pfn; NR_FILE_PAGES == Σ NrPages
//   (+ swap cache); NR_SHMEM == Σ NrPages of tmpfs inodes.
// Not modelled: readahead windows, large folios, writeback as a separate state (a write completes
//   in the pass that starts it), huge tmpfs pages.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Filemap;

public sealed class PageCache
{
    /// <summary>The mapping gfp of regular files: GFP_HIGHUSER_MOVABLE (include/linux/pagemap.h).</summary>
    public const GfpFlags MappingGfp = GfpFlags.GfpHighuserMovable;

    private readonly PgData _node;
    private readonly PageAllocator _alloc;
    private readonly Lruvec _lru;
    private readonly VmEvents _events;
    private readonly SparsePfnArray _indexOf;
    private readonly Dictionary<int, Inode> _inodes = [];

    private readonly Workingset _workingset;

    public PageCache(PgData node, PageAllocator alloc, Lruvec lru, VmEvents events, Workingset workingset)
    {
        _node = node;
        _alloc = alloc;
        _lru = lru;
        _events = events;
        _workingset = workingset;
        _indexOf = new SparsePfnArray(node.Map.EndPfn);
    }

    /// <summary>mem_map's flags (page cache readers test them without a call per page).</summary>
    internal PageFlags[] Flags => _node.Map.Flags;

    /// <summary>Dirty inodes in dirtied_when order (the bdi's b_dirty list).</summary>
    public LinkedList<Inode> DirtyInodes { get; } = new();

    internal void Register(Inode inode) => _inodes.Add(inode.Ino, inode);

    internal void Unregister(Inode inode) => _inodes.Remove(inode.Ino);

    /// <summary>Every inode with a mapping, in inode-number order.</summary>
    internal IEnumerable<Inode> Inodes => _inodes.Values;

    /// <summary>folio_put of a page RemovePage already took out of its mapping.</summary>
    internal void FreeRemovedPage(int pfn) => _alloc.FreePages(pfn, 0);

    /// <summary>page->mapping of a page-cache page, or null when the pfn is not in the page cache.</summary>
    public Inode? InodeOf(int pfn, bool onLru = true)
    {
        MemMap map = _node.Map;
        PageFlags want = onLru ? PageFlags.Lru : PageFlags.None;
        if ((map.Flags[pfn] & (PageFlags.Lru | PageFlags.Anon | PageFlags.Head)) != (want | PageFlags.Head)) return null;
        return _inodes.TryGetValue(map.Private[pfn], out Inode? inode) && inode.PageAt(_indexOf[pfn]) == pfn ? inode : null;
    }

    /// <summary>page->index.</summary>
    public long IndexOf(int pfn) => _indexOf[pfn];

    /// <summary>filemap_add_folio (mm/filemap.c): allocate a page for <paramref name="index"/>, insert it
    /// and put it at the head of the inactive file LRU. Returns the pfn, or NoPfn when memory ran out.</summary>
    internal int AddPage(Inode inode, long index)
    {
        long pfn = _alloc.AllocPages(0, MappingGfp);
        if (pfn < 0) return MemMap.NoPfn;
        int p = (int)pfn;
        InsertPage(inode, index, p);
        if (inode.IsShmem)
        {
            _lru.Add(p, LruList.InactiveAnon);   // folio_add_lru: swap-backed pages go on the anon LRU
        }
        else
        {
            long shadow = inode.ShadowCount > 0 ? inode.TakeShadow(index) : -1;
            bool active = shadow >= 0 && _workingset.Refault(p, shadow);
            _lru.Add(p, active ? LruList.ActiveFile : LruList.InactiveFile);
        }
        if (inode.MapCount > 0) SetMapped(p);
        return p;
    }

    /// <summary>__filemap_add_folio's accounting: the page joins the mapping (and NR_SHMEM for tmpfs).</summary>
    internal void InsertPage(Inode inode, long index, int pfn)
    {
        _node.Map.Private[pfn] = inode.Ino;
        _indexOf[pfn] = (int)index;
        inode.SetPage(index, pfn);
        inode.NrPages++;
        _node.AddStat(NodeStatItem.NrFilePages, 1);
        if (!inode.IsShmem) return;
        _node.Map.Flags[pfn] |= PageFlags.Shmem;
        _node.AddStat(NodeStatItem.NrShmem, 1);
    }

    /// <summary>filemap_read's fill: read a missing page from disk (pgpgin counts kB).</summary>
    internal int ReadPage(Inode inode, long index)
    {
        int pfn = AddPage(inode, index);
        if (pfn != MemMap.NoPfn) _events.Count(VmEventItem.Pgpgin, Units.K(1));
        return pfn;
    }

    /// <summary>Whether <see cref="MarkAccessed"/> would change nothing: the page is referenced already and
    /// is active, unevictable or off the LRU (the common case of a hot page read again).</summary>
    internal static bool AccessChangesNothing(PageFlags f) =>
        (f & PageFlags.Referenced) != 0 && (f & (PageFlags.Active | PageFlags.Lru | PageFlags.Unevictable)) != PageFlags.Lru;

    /// <summary>folio_mark_accessed (mm/swap.c), kernel-spec §11: the first access sets
    /// PG_referenced; a second access while inactive and referenced activates the page.</summary>
    public void MarkAccessed(int pfn)
    {
        PageFlags f = _node.Map.Flags[pfn];
        if ((f & PageFlags.Referenced) == 0)
        {
            _node.Map.Flags[pfn] |= PageFlags.Referenced;
            return;
        }
        if ((f & (PageFlags.Active | PageFlags.Lru | PageFlags.Unevictable)) != PageFlags.Lru) return;
        LruList from = (f & (PageFlags.Anon | PageFlags.Shmem)) != 0 ? LruList.InactiveAnon : LruList.InactiveFile;
        _lru.Activate(pfn, from);
        _node.Map.Flags[pfn] &= ~PageFlags.Referenced;
        _events.Count(VmEventItem.Pgactivate);
        _workingset.Activation();
    }

    /// <summary>folio_mark_dirty / __folio_mark_dirty: NR_FILE_DIRTY, NR_ZONE_WRITE_PENDING, nr_dirtied; the
    /// inode joins the dirty list with dirtied_when = now when it was clean.</summary>
    internal void MarkDirty(Inode inode, int pfn, long nowTick)
    {
        if (inode.IsShmem) return;   // mapping_can_writeback is false on tmpfs: nothing is accounted dirty
        if ((_node.Map.Flags[pfn] & PageFlags.Dirty) != 0) return;
        _node.Map.Flags[pfn] |= PageFlags.Dirty;
        inode.CleanBelowIndex = Math.Min(inode.CleanBelowIndex, _indexOf[pfn]);
        AccountDirty(pfn, +1);
        _node.AddStat(NodeStatItem.NrDirtied, 1);
        if (inode.NrDirty++ == 0)
        {
            inode.DirtiedWhenTick = nowTick;
            inode.DirtyListNode = DirtyInodes.AddLast(inode);
        }
    }

    /// <summary>folio_clear_dirty_for_io + writeback end: the page is on disk now (nr_written, pgpgout).</summary>
    internal void WritePage(Inode inode, int pfn)
    {
        if ((_node.Map.Flags[pfn] & PageFlags.Dirty) == 0) return;
        CancelDirty(inode, pfn);
        _node.AddStat(NodeStatItem.NrWritten, 1);
        _events.Count(VmEventItem.Pgpgout, Units.K(1));
    }

    private void CancelDirty(Inode inode, int pfn)
    {
        _node.Map.Flags[pfn] &= ~PageFlags.Dirty;
        AccountDirty(pfn, -1);
        if (--inode.NrDirty == 0 && inode.DirtyListNode is not null)
        {
            DirtyInodes.Remove(inode.DirtyListNode);
            inode.DirtyListNode = null;
        }
    }

    private void AccountDirty(int pfn, long delta)
    {
        _node.AddStat(NodeStatItem.NrDirty, delta);
        Zone? z = _node.ZoneOf(pfn);
        if (z is not null) z.Stat[(int)ZoneStatItem.NrZoneWritePending] += delta;
    }

    internal void SetMapped(int pfn)
    {
        if ((_node.Map.Flags[pfn] & PageFlags.Mapped) != 0) return;
        _node.Map.Flags[pfn] |= PageFlags.Mapped;
        _node.AddStat(NodeStatItem.NrMapped, 1);
    }

    internal void ClearMapped(int pfn)
    {
        if ((_node.Map.Flags[pfn] & PageFlags.Mapped) == 0) return;
        _node.Map.Flags[pfn] &= ~PageFlags.Mapped;
        _node.AddStat(NodeStatItem.NrMapped, -1);
    }

    /// <summary>Whether some process maps a page of the file (its PTEs must stay valid: no truncate, no unlink).</summary>
    public bool HasMappedPages(Inode inode)
    {
        foreach (long i in inode.CachedIndexes())
            if ((_node.Map.Flags[inode.PageAt(i)] & PageFlags.Mapped) != 0) return true;
        return false;
    }

    /// <summary>Whether the page may be dropped right now: clean, unmapped, not under writeback
    /// (mapping_evict_folio's test, kernel-spec §13.5).</summary>
    public bool IsEvictable(int pfn) =>
        (_node.Map.Flags[pfn] & (PageFlags.Dirty | PageFlags.Writeback | PageFlags.Mapped)) == 0;

    /// <summary>__filemap_remove_folio + folio_put (mm/filemap.c): take the page out of the cache,
    /// off its LRU list, and give it back to the buddy allocator. Dirty pages are cancelled (truncate).
    /// Reclaim (<paramref name="reclaimed"/>, __remove_mapping) leaves a shadow entry in a disk file's slot.</summary>
    internal void DeletePage(Inode inode, int pfn, bool reclaimed = false)
    {
        long index = _indexOf[pfn];
        if (reclaimed && !inode.IsShmem) LeaveShadow(inode, index, _workingset.Eviction(pfn));
        if ((_node.Map.Flags[pfn] & PageFlags.Lru) != 0) _lru.Del(pfn, LruOf(_node.Map.Flags[pfn]));
        RemovePage(inode, pfn);
        _node.Map.Flags[pfn] &= ~(PageFlags.Shmem | PageFlags.Workingset | PageFlags.Referenced);
        _alloc.FreePages(pfn, 0);
    }

    /// <summary>Shadows in eviction order, for the shadow shrinker below.</summary>
    private readonly Queue<(int Ino, long Index, long Shadow)> _shadowsByAge = new();
    private long? _totalramPages;

    /// <summary>Store a shadow entry, then drop the shadows too old ever to activate again: a refault
    /// distance above totalram_pages exceeds any possible workingset (workingset_test_recent would
    /// dismiss it), so this stands in for the shadow-node shrinker (count_shadow_nodes /
    /// shadow_lru_isolate) and keeps their number below totalram_pages.</summary>
    private void LeaveShadow(Inode inode, long index, long shadow)
    {
        inode.SetShadow(index, shadow);
        _shadowsByAge.Enqueue((inode.Ino, index, shadow));
        _totalramPages ??= _node.TotalramPages;   // managed pages are fixed once the box has booted
        while (_shadowsByAge.TryPeek(out var oldest) && _workingset.RefaultDistance(oldest.Shadow) > _totalramPages)
        {
            _shadowsByAge.Dequeue();
            if (_inodes.TryGetValue(oldest.Ino, out Inode? owner) && owner.ShadowAt(oldest.Index) == oldest.Shadow)
            {
                owner.TakeShadow(oldest.Index);
                _node.AddStat(NodeStatItem.WorkingsetNodereclaim, 1);
            }
        }
    }

    /// <summary>page_cache_delete's accounting: the page (already off its LRU list) leaves the mapping.</summary>
    internal void RemovePage(Inode inode, int pfn)
    {
        MemMap map = _node.Map;
        PageFlags f = map.Flags[pfn];
        if ((f & PageFlags.Dirty) != 0) CancelDirty(inode, pfn);
        if ((f & PageFlags.Mapped) != 0) ClearMapped(pfn);
        inode.SetPage(_indexOf[pfn], MemMap.NoPfn);
        inode.NrPages--;
        inode.TrimPages();
        _node.AddStat(NodeStatItem.NrFilePages, -1);
        if ((f & PageFlags.Shmem) != 0) _node.AddStat(NodeStatItem.NrShmem, -1);
        map.Private[pfn] = 0;
    }

    /// <summary>truncate_inode_pages (mm/truncate.c): every page, shadow and (tmpfs) swap entry of the file goes.</summary>
    internal void TruncateInodePages(Inode inode, Action<long> freeSwapEntry)
    {
        for (long i = inode.NextCachedIndex(0); i >= 0; i = inode.NextCachedIndex(i + 1)) DeletePage(inode, inode.PageAt(i));
        inode.ClearShadows();
        if (inode.SwapEntryCount == 0) return;
        foreach (long entry in inode.SwapEntries.Values) freeSwapEntry(entry);
        inode.SwapEntries.Clear();
    }

    /// <summary>The LRU list a page's flags say it is on.</summary>
    public static LruList LruOf(PageFlags f)
    {
        if ((f & PageFlags.Unevictable) != 0) return LruList.Unevictable;
        bool active = (f & PageFlags.Active) != 0;
        if ((f & (PageFlags.Anon | PageFlags.Shmem)) != 0) return active ? LruList.ActiveAnon : LruList.InactiveAnon;
        return active ? LruList.ActiveFile : LruList.InactiveFile;
    }

    /// <summary>migrate_folio's mapping fix-up (mm/migrate.c): the cache entry of <paramref name="oldPfn"/>
    /// now points at <paramref name="newPfn"/>, which already carries the old page's flags.</summary>
    internal void ReplacePage(Inode inode, int oldPfn, int newPfn)
    {
        long index = _indexOf[oldPfn];
        _node.Map.Private[newPfn] = inode.Ino;
        _indexOf[newPfn] = (int)index;
        inode.SetPage(index, newPfn);
        _node.Map.Private[oldPfn] = 0;
        if ((_node.Map.Flags[newPfn] & PageFlags.Dirty) != 0) MoveWritePending(oldPfn, newPfn);
    }

    private void MoveWritePending(int oldPfn, int newPfn)
    {
        Zone? from = _node.ZoneOf(oldPfn), to = _node.ZoneOf(newPfn);
        if (from is null || to is null || from == to) return;
        from.Stat[(int)ZoneStatItem.NrZoneWritePending]--;
        to.Stat[(int)ZoneStatItem.NrZoneWritePending]++;
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(_inodes.Count);
        foreach (Inode i in DirtyInodes) w.Add(i.Ino);
        w.Add(_shadowsByAge.Count);
        foreach (var (ino, index, shadow) in _shadowsByAge) { w.Add(ino); w.Add(index); w.Add(shadow); }
    }
}
