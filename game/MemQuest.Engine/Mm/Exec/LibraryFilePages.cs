// Stands in for the page cache (mm/filemap.c) for the one set of files every modelled C program
// maps: the program binary, libc.so.6 and ld-linux-x86-64.so.2, kernel-spec §8.2 and §11. A page
// is read into the cache the first time any process maps it (GFP_HIGHUSER_MOVABLE, file LRU,
// NR_FILE_PAGES) and stays cached after the last unmap; NR_FILE_MAPPED counts pages mapped by at
// least one process. The `pagecache` branch owns the real page cache: replace this class with it
// (same two calls: Map on a file fault, Unmap on zap).
// Invariants: each (file, index) has at most one page; a page's mapcount is the number of PTEs
//   pointing at it. Left out: readahead, major faults (these files are assumed cached), eviction.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;

namespace MemQuest.Engine.Mm.Exec;

public sealed class LibraryFilePages(PageAllocator pageAlloc, Lruvec lru)
{
    private readonly SortedDictionary<string, int> _byKey = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, int> _mapcount = new();

    public int CachedPages => _byKey.Count;

    /// <summary>How many PTEs map this cached page (0 if it is not one of these files' pages).</summary>
    public int MapCount(int pfn) => _mapcount.GetValueOrDefault(pfn);

    /// <summary>filemap_fault + finish_fault for an already cached page (minor fault): the page of
    /// <paramref name="file"/> at page index <paramref name="index"/>, one more mapper; -1 if it could not be read in.</summary>
    public int Map(string file, long index)
    {
        string key = file + "@" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!_byKey.TryGetValue(key, out int pfn))
        {
            long got = pageAlloc.AllocPages(0, GfpFlags.GfpHighuserMovable);
            if (got < 0) return -1;
            pfn = (int)got;
            _byKey.Add(key, pfn);
            _mapcount.Add(pfn, 0);
            pageAlloc.Node.AddStat(NodeStatItem.NrFilePages, 1);
            lru.Add(pfn, LruList.InactiveFile);
        }
        if (_mapcount[pfn]++ == 0)
        {
            pageAlloc.Node.AddStat(NodeStatItem.NrMapped, 1);
            pageAlloc.Node.Map.Flags[pfn] |= PageFlags.Mapped;
        }
        return pfn;
    }

    /// <summary>folio_add_file_rmap_pte on a page already mapped elsewhere (fork copying a file PTE).</summary>
    public int Map(int pfn)
    {
        _mapcount[pfn]++;
        return pfn;
    }

    /// <summary>folio_remove_rmap_pte for a file page: the page stays in the cache.</summary>
    public void Unmap(int pfn)
    {
        if (--_mapcount[pfn] > 0) return;
        pageAlloc.Node.AddStat(NodeStatItem.NrMapped, -1);
        pageAlloc.Node.Map.Flags[pfn] &= ~PageFlags.Mapped;
    }

    public void AddToDigest(DigestWriter w)
    {
        foreach (var (k, pfn) in _byKey) { w.Add(k); w.Add(pfn); w.Add(_mapcount[pfn]); }
    }
}
