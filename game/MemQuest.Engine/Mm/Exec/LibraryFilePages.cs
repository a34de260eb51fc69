// Models filemap_fault for the files processes map (the program binary, libc.so.6,
// ld-linux-x86-64.so.2), kernel-spec §8.2 and §11, on top of the real page cache (Filemap): a
// fault finds the file's page in the cache or reads it in (a major fault: pgmajfault, pgpgin), and
// the page counts as Mapped (NR_FILE_MAPPED) while at least one PTE points at it. Mapped pages are
// neither dropped by drop_caches nor reclaimed nor migrated, so the PTEs stay valid; after the last
// unmap the page stays cached as an ordinary clean page-cache page.
// Invariants: a page's mapcount is the number of PTEs pointing at it; Mapped iff mapcount &gt; 0.
// At boot the C library's pages are read in (PreloadAtBoot): a real box has them cached by the time
// anyone logs in, so a spawned process finds them there.
// Left out: readahead, fault-around, files that are missing from the filesystem (created on demand).
using MemQuest.Engine.Filemap;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Mm.Exec;

public sealed class LibraryFilePages(Machine machine)
{
    private readonly SortedDictionary<int, int> _mapcount = new();

    /// <summary>Pages mapped by at least one process.</summary>
    public int MappedPages => _mapcount.Count;

    /// <summary>page_mapcount: how many PTEs map this page-cache page.</summary>
    public int MapCount(int pfn) => _mapcount.GetValueOrDefault(pfn);

    /// <summary>filemap_fault + finish_fault: the page of <paramref name="file"/> at page index
    /// <paramref name="index"/> with one more mapper; -1 if it could not be read in.</summary>
    public int Map(string file, long index)
    {
        int pfn = Find(file, index, majorFault: true);
        return pfn < 0 ? -1 : Map(pfn);
    }

    /// <summary>filemap_fault without the mapping (__do_fault for do_cow_fault, which copies the page into a
    /// new anon page): the page-cache page of <paramref name="file"/> at <paramref name="index"/>, read in
    /// from disk when missing (a major fault when <paramref name="majorFault"/>); -1 if it could not be read.</summary>
    public int Find(string file, long index, bool majorFault)
    {
        Inode? inode = machine.Fs.Lookup(file, out _) ?? CreateFile(file);
        if (inode is null || inode.IsDirectory) return -1;
        inode.SizeBytes = Math.Max(inode.SizeBytes, (index + 1) << Units.PageShift);
        int pfn = inode.PageAt(index);
        if (pfn == MemMap.NoPfn)
        {
            pfn = machine.PageCache.ReadPage(inode, index);
            if (pfn == MemMap.NoPfn) return -1;
            if (majorFault) machine.VmEvents.Count(VmEventItem.Pgmajfault);
        }
        machine.PageCache.MarkAccessed(pfn);
        return pfn;
    }

    /// <summary>What a box that has booted its userspace holds in the page cache: every page of the C library
    /// and the dynamic loader that exec of a dynamically linked program faults in (read or copied), read
    /// once and referenced, not mapped (no simulated process maps them yet). Called once at boot, after the
    /// kernel's initcalls (so the overcommit reserves do not see it).</summary>
    public void PreloadAtBoot(IEnumerable<(string File, long Index)> pages)
    {
        foreach (var (file, index) in pages) Find(file, index, majorFault: false);
    }

    private Inode? CreateFile(string file)
    {
        int slash = file.LastIndexOf('/');
        if (slash > 0) machine.Fs.Mkdir(file[..slash], parents: true);
        return machine.Fs.Create(file, out _);
    }

    /// <summary>folio_add_file_rmap_pte: one more PTE maps the page (also fork copying a file PTE).</summary>
    public int Map(int pfn)
    {
        _mapcount.TryGetValue(pfn, out int n);
        _mapcount[pfn] = n + 1;
        if (n == 0) machine.PageCache.SetMapped(pfn);
        return pfn;
    }

    /// <summary>folio_remove_rmap_pte for a file page: the page stays in the cache.</summary>
    public void Unmap(int pfn)
    {
        if (--_mapcount[pfn] > 0) return;
        _mapcount.Remove(pfn);
        machine.PageCache.ClearMapped(pfn);
    }

    public void AddToDigest(DigestWriter w)
    {
        foreach (var (pfn, n) in _mapcount) { w.Add(pfn); w.Add(n); }
    }
}
