// Models struct inode + its struct address_space (include/linux/fs.h) as far as the page cache and
// the VFS caches see it: the name in its parent directory, size, the page-cache index (page index →
// pfn, kept as one int array per file, no object per page), dirty state for writeback, how many
// mappings hold it, and the dentry and inode slab objects that currently exist for it. A tmpfs inode
// (IsShmem, mm/shmem.c) also keeps the swap entries of its swapped-out pages; a disk file keeps the
// shadow entries reclaim leaves behind (mm/workingset.c) in the slots of evicted pages.
// Invariants: NrPages == entries of Pages that are not NoPfn; NrDirty <= NrPages; a directory has no
//   pages; an index holds at most one of page, shadow, swap entry.
// Not modelled: hard links, permissions, timestamps other than dirtied_when, large folios.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Filemap;

public sealed class Inode
{
    /// <summary>The address_space's page-cache state, made when the file first has any (most inodes a
    /// directory scan creates never do: no pages, shadows, swap entries or dirty state to hold).</summary>
    private sealed class Mapping
    {
        public int[] Pages = [];
        // Shadow entries of evicted pages in the slots of their indexes (the xarray's value entries): the
        // packed eviction age and workingset bit, stored + 1 so that 0 means "no shadow".
        public long[] Shadows = [];
        public int ShadowCount;
        public SortedDictionary<long, long>? SwapEntries;
        public long NrPages, NrDirty, DirtiedWhenTick, CleanBelowIndex;
        public LinkedListNode<Inode>? DirtyListNode;
    }

    private Mapping? _mapping;
    private Mapping M => _mapping ??= new();
    // The arrays in use now (empty without a mapping); read afresh on each use, as the fields were.
    private int[] _pages => _mapping?.Pages ?? [];
    private long[] _shadows => _mapping?.Shadows ?? [];

    internal Inode(int ino, string name, Inode? parent, InodeKind kind, bool isShmem = false)
    {
        Ino = ino;
        Name = name;
        Parent = parent;
        Kind = kind;
        IsShmem = isShmem || (parent?.IsShmem ?? false);
    }

    /// <summary>shmem_mapping: the inode lives on a tmpfs (its pages are Shmem, swap-backed, on the anon LRU).</summary>
    public bool IsShmem { get; }
    /// <summary>Swap entries of a tmpfs file's swapped-out pages (page index → entry), as its xarray holds them.
    /// Made on first use: most inodes never have one (the engine asks SwapEntryCount / HasSwapEntry).</summary>
    public SortedDictionary<long, long> SwapEntries => M.SwapEntries ??= new();

    /// <summary>How many swap entries the file's slots hold.</summary>
    public int SwapEntryCount => _mapping?.SwapEntries?.Count ?? 0;

    /// <summary>Whether slot <paramref name="index"/> holds a swap entry.</summary>
    internal bool HasSwapEntry(long index) => _mapping?.SwapEntries is { Count: > 0 } e && e.ContainsKey(index);

    /// <summary>How many slots hold a shadow entry.</summary>
    public int ShadowCount => _mapping?.ShadowCount ?? 0;

    /// <summary>The shadow entry in slot <paramref name="index"/>, or -1.</summary>
    public long ShadowAt(long index) => index < _shadows.Length ? _shadows[index] - 1 : -1;

    internal void SetShadow(long index, long shadow)
    {
        Mapping m = M;
        if (index >= m.Shadows.Length)
            Array.Resize(ref m.Shadows, (int)Math.Max(Math.Max(16, m.Shadows.Length * 2L), index + 1));
        if (m.Shadows[index] == 0) m.ShadowCount++;
        m.Shadows[index] = shadow + 1;
    }

    /// <summary>Take the shadow out of slot <paramref name="index"/> (a refault, or the shrinker); -1 when there was none.</summary>
    internal long TakeShadow(long index)
    {
        long s = ShadowAt(index);
        if (s < 0) return -1;
        Mapping m = _mapping!;
        m.Shadows[index] = 0;
        if (--m.ShadowCount == 0) m.Shadows = [];
        return s;
    }

    internal void ClearShadows()
    {
        if (_mapping is not { } m) return;
        m.Shadows = [];
        m.ShadowCount = 0;
    }

    /// <summary>(index, shadow) of every shadow entry, ascending index.</summary>
    public IEnumerable<(long Index, long Shadow)> Shadows()
    {
        for (long i = 0; i < _shadows.Length; i++)
            if (_shadows[i] != 0) yield return (i, _shadows[i] - 1);
    }

    /// <summary>mapping_shrinkable (include/linux/pagemap.h): no pages, and no shadow entries except a lone
    /// one at index 0 (stored in the xarray head, out of the shadow shrinker's reach).</summary>
    public bool MappingShrinkable => NrPages == 0 && SwapEntryCount == 0
        && (ShadowCount == 0 || (ShadowCount == 1 && ShadowAt(0) >= 0));

    /// <summary>i_ino; also the slot the page cache stores in page->private (MemMap.Private).</summary>
    public int Ino { get; }
    public string Name { get; }
    public Inode? Parent { get; }
    public InodeKind Kind { get; }
    public bool IsDirectory => Kind == InodeKind.Directory;
    public long SizeBytes { get; internal set; }
    /// <summary>mapping->nrpages.</summary>
    public long NrPages
    {
        get => _mapping?.NrPages ?? 0;
        internal set { if (_mapping is not null || value != 0) M.NrPages = value; }
    }
    public long NrDirty
    {
        get => _mapping?.NrDirty ?? 0;
        internal set { if (_mapping is not null || value != 0) M.NrDirty = value; }
    }
    /// <summary>inode->dirtied_when: the tick its first page was dirtied (valid while NrDirty &gt; 0).</summary>
    public long DirtiedWhenTick
    {
        get => _mapping?.DirtiedWhenTick ?? 0;
        internal set { if (_mapping is not null || value != 0) M.DirtiedWhenTick = value; }
    }
    /// <summary>Processes that have the file mapped (mapping->i_mmap); its pages then count as Mapped.</summary>
    public int MapCount { get; internal set; }
    /// <summary>Handle of the dentry object, or -1 when the dentry is not in the dcache.</summary>
    public long DentryHandle
    {
        get => _dentryHandle;
        internal set
        {
            bool had = _dentryHandle != -1, has = value != -1;
            _dentryHandle = value;
            if (had != has && Parent is not null) Parent.ChildrenWithDentry += has ? 1 : -1;
        }
    }

    private long _dentryHandle = -1;

    /// <summary>Children whose dentry is in the dcache (each pins this directory's dentry), kept as they come and go.</summary>
    internal int ChildrenWithDentry { get; private set; }
    /// <summary>Handle of the inode object (ext4_inode_cache), or -1 when the inode is not in the icache.</summary>
    public long InodeHandle { get; internal set; } = -1;
    /// <summary>DCACHE_REFERENCED: looked up since the dcache shrinker last passed.</summary>
    public bool DentryReferenced { get; internal set; }
    /// <summary>Whether the dentry is on the superblock's dentry LRU, and its neighbours there (Dcache.DentryLru).</summary>
    internal bool OnDentryLru { get; set; }
    internal Inode? DentryLruPrev { get; set; }
    internal Inode? DentryLruNext { get; set; }
    internal LinkedListNode<Inode>? DirtyListNode
    {
        get => _mapping?.DirtyListNode;
        set { if (_mapping is not null || value is not null) M.DirtyListNode = value; }
    }
    /// <summary>The directory's entries by name (ordered, as ls lists them); change them only through
    /// AddChild/RemoveChild. Two sorted arrays rather than a tree or a hash: no object or hash entry per
    /// entry, a scan that creates names in order appends, and the path walk binary-searches them.</summary>
    public SortedList<string, Inode> Children => _children ??= new(StringComparer.Ordinal);
    /// <summary>Whether the directory has entries (without creating the table for a file).</summary>
    public bool HasChildren => _children is { Count: > 0 };
    private SortedList<string, Inode>? _children;

    /// <summary>d_lookup by a component of a path: the child named <paramref name="name"/>, or null. A binary
    /// search of the names in ordinal order (char by char, then length: StringComparer.Ordinal's order).</summary>
    internal Inode? ChildNamed(ReadOnlySpan<char> name)
    {
        if (_children is not { Count: > 0 } children) return null;
        IList<string> names = children.Keys;
        int lo = 0, hi = names.Count - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int order = names[mid].AsSpan().SequenceCompareTo(name);
            if (order == 0) return children.Values[mid];
            if (order < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    internal void AddChild(Inode child) => Children.Add(child.Name, child);

    internal void RemoveChild(string name) => _children?.Remove(name);

    /// <summary>Absolute path, e.g. /data/big.</summary>
    public string Path => Parent is null ? "/" : Parent.Parent is null ? "/" + Name : Parent.Path + "/" + Name;

    /// <summary>Pages the file spans: DIV_ROUND_UP(i_size, PAGE_SIZE).</summary>
    public long SizePages => (SizeBytes + Units.PageSize - 1) >> Units.PageShift;

    /// <summary>filemap_get_folio: the pfn caching page <paramref name="index"/>, or NoPfn.</summary>
    public int PageAt(long index) => _mapping is { } m && index < m.Pages.Length ? m.Pages[index] : MemMap.NoPfn;

    /// <summary>The page-cache slots (index → pfn or NoPfn; none past the array). Read only, and only until
    /// the next page is added or removed (the array may be replaced then).</summary>
    internal ReadOnlySpan<int> PageSlots => _mapping is { } m ? m.Pages : default;

    internal void SetPage(long index, int pfn)
    {
        Mapping m = M;
        if (index >= m.Pages.Length)
        {
            long size = Math.Max(Math.Max(16, m.Pages.Length * 2L), index + 1);
            int old = m.Pages.Length;
            Array.Resize(ref m.Pages, (int)size);
            Array.Fill(m.Pages, MemMap.NoPfn, old, m.Pages.Length - old);
        }
        m.Pages[index] = pfn;
    }

    /// <summary>Page indexes that hold a page, ascending (the xarray walk of invalidate_mapping_pages).</summary>
    public IEnumerable<long> CachedIndexes()
    {
        for (long i = 0; i < _pages.Length; i++)
            if (_pages[i] != MemMap.NoPfn) yield return i;
    }

    /// <summary>The first page index at or after <paramref name="from"/> that holds a page, or -1 (the
    /// xarray walk without a copy: the caller may remove the page it was given before asking again).</summary>
    public long NextCachedIndex(long from)
    {
        int[] pages = _pages;
        for (long i = Math.Max(0, from); i < pages.Length; i++)
            if (pages[i] != MemMap.NoPfn) return i;
        return -1;
    }

    /// <summary>Every page below this index is clean (or absent): where writeback's walk for dirty pages
    /// may start (the dirty tag of the kernel's xarray). Lowered by every page that becomes dirty.</summary>
    internal long CleanBelowIndex
    {
        get => _mapping?.CleanBelowIndex ?? 0;
        set { if (_mapping is not null || value != 0) M.CleanBelowIndex = value; }
    }

    internal void TrimPages()
    {
        if (NrPages == 0 && _mapping is { } m) m.Pages = [];
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(Ino); w.Add(Name); w.Add((long)Kind); w.Add(SizeBytes); w.Add(NrPages); w.Add(NrDirty);
        w.Add(DirtiedWhenTick); w.Add(MapCount); w.Add(DentryHandle); w.Add(InodeHandle); w.Add(DentryReferenced ? 1 : 0);
        w.Add(IsShmem ? 1 : 0);
        if (_mapping is not { } m) return;
        // The same fields as CachedIndexes, SwapEntries and Shadows give, without an enumerator per inode.
        for (int i = 0; i < m.Pages.Length; i++)
            if (m.Pages[i] != MemMap.NoPfn) { w.Add(i); w.Add(m.Pages[i]); }
        if (SwapEntryCount > 0) foreach (var (i, e) in m.SwapEntries!) { w.Add(i); w.Add(e); }
        for (int i = 0; i < m.Shadows.Length; i++)
            if (m.Shadows[i] != 0) { w.Add(i); w.Add(m.Shadows[i] - 1); }
    }
}
