// Models the read and write paths through the page cache (mm/filemap.c filemap_read,
// generic_perform_write), kernel-spec §11: a read finds each page or reads it from disk into a new
// inactive-file page, and marks it accessed (a second read activates it); a write dirties each page,
// grows i_size and is throttled by balance_dirty_pages. Also the file mappings processes hold.
// A tmpfs file (shmem) has no disk: a hole reads as zeroes without caching anything, and a
// swapped-out page is read back from swap (Shmem.SwapIn) before it is read or written.
// Invariant: an IoResult's Pages equals the pages of the byte range that were served.
// Not modelled: readahead batching, partial-page read-modify-write (a partial page is written whole).
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Filemap;

public sealed class FileIo(FileSystem fs, Func<long> tick)
{
    /// <summary>filemap_read: bytes [offset, offset+length) of the file, clamped to i_size.</summary>
    public IoResult Read(Inode inode, long offsetBytes, long lengthBytes)
    {
        if (inode.IsDirectory) return new IoResult(0, 0, 0, Errno.EISDIR);
        long end = Math.Min(inode.SizeBytes, offsetBytes + lengthBytes);
        long hits = 0, misses = 0;
        PageFlags[] flags = fs.Cache.Flags;
        // index < endIndex <=> (index << PageShift) < end, for index >= 0.
        long endIndex = end <= 0 ? 0 : ((end - 1) >> Units.PageShift) + 1;
        for (long index = offsetBytes >> Units.PageShift; (index << Units.PageShift) < end; index++)
        {
            if (index >= 0)
            {
                // A run of cached pages that folio_mark_accessed leaves as they are (referenced, and active,
                // unevictable or off the LRU): each is a hit and nothing else, exactly as the step below
                // would count it. The slot array is read again after every page the step below handles.
                ReadOnlySpan<int> slots = inode.PageSlots;
                long stop = Math.Min(endIndex, slots.Length);
                while (index < stop && slots[(int)index] is var cached && cached != MemMap.NoPfn && PageCache.AccessChangesNothing(flags[cached]))
                {
                    hits++;
                    index++;
                }
                if (index >= endIndex) break;
            }
            int pfn = inode.PageAt(index);
            if (pfn == MemMap.NoPfn)
            {
                // A tmpfs hole reads as zeroes (ZERO_PAGE, nothing cached); a swapped-out tmpfs page comes back from swap.
                if (inode.IsShmem && !inode.HasSwapEntry(index)) continue;
                pfn = inode.IsShmem ? fs.Shmem.SwapIn(inode, index) : fs.Cache.ReadPage(inode, index);
                if (pfn == MemMap.NoPfn) return new IoResult(hits, misses, 0, Errno.ENOMEM);
                misses++;
            }
            else hits++;
            if (!PageCache.AccessChangesNothing(flags[pfn])) fs.Cache.MarkAccessed(pfn);
        }
        return new IoResult(hits, misses, 0, Errno.Ok);
    }

    /// <summary>The whole file (cat FILE).</summary>
    public IoResult ReadAll(Inode inode) => Read(inode, 0, inode.SizeBytes);

    /// <summary>generic_perform_write: dirty the pages of [offset, offset+length) and extend i_size.</summary>
    public IoResult Write(Inode inode, long offsetBytes, long lengthBytes)
    {
        if (inode.IsDirectory) return new IoResult(0, 0, 0, Errno.EISDIR);
        long end = offsetBytes + lengthBytes, dirtied = 0, hits = 0;
        for (long index = offsetBytes >> Units.PageShift; (index << Units.PageShift) < end; index++)
        {
            int pfn = inode.PageAt(index);
            if (pfn == MemMap.NoPfn)
            {
                pfn = inode.HasSwapEntry(index) ? fs.Shmem.SwapIn(inode, index) : fs.Cache.AddPage(inode, index);
                if (pfn == MemMap.NoPfn) return new IoResult(hits, 0, dirtied, Errno.ENOMEM);
            }
            else hits++;
            fs.Cache.MarkAccessed(pfn);
            fs.Cache.MarkDirty(inode, pfn, tick());
            inode.SizeBytes = Math.Max(inode.SizeBytes, Math.Min(end, (index + 1) << Units.PageShift));
            dirtied++;
            if ((dirtied & 31) == 0) fs.Writeback.BalanceDirtyPages(inode);
        }
        fs.Writeback.BalanceDirtyPages(inode);
        return new IoResult(hits, 0, dirtied, Errno.Ok);
    }

    /// <summary>do_truncate to zero (O_TRUNC, dd without conv=notrunc): every page goes. A file that
    /// processes map is refused with ETXTBSY-like EBUSY (their PTEs must stay valid).</summary>
    public Errno Truncate(Inode inode)
    {
        if (inode.MapCount > 0 || fs.Cache.HasMappedPages(inode)) return Errno.EBUSY;
        fs.TruncatePages(inode);
        inode.SizeBytes = 0;
        return Errno.Ok;
    }

    /// <summary>mmap(MAP_SHARED|MAP_POPULATE) of a whole file by a process: its pages are read in and
    /// count as Mapped (NR_FILE_MAPPED) until the last mapping goes. Returns the read result.</summary>
    public IoResult MapFile(Inode inode)
    {
        inode.MapCount++;
        fs.Dcache.Repin(inode);
        IoResult r = ReadAll(inode);
        foreach (long i in inode.CachedIndexes()) fs.Cache.SetMapped(inode.PageAt(i));
        return r;
    }

    /// <summary>munmap of a whole-file mapping; the pages stay cached but are no longer Mapped when it was the last.</summary>
    public void UnmapFile(Inode inode)
    {
        if (inode.MapCount == 0) throw new InvalidOperationException($"{inode.Path} is not mapped");
        if (--inode.MapCount > 0) return;
        foreach (long i in inode.CachedIndexes()) fs.Cache.ClearMapped(inode.PageAt(i));
        fs.Dcache.Repin(inode);
    }
}
