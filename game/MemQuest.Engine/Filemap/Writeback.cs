// Models dirty-page writeback (mm/page-writeback.c, fs/fs-writeback.c), kernel-spec §11: the dirty
// limits from vm.dirty_ratio/dirty_background_ratio (or the _bytes variants) over
// global_dirtyable_memory; the flusher, which every dirty_writeback_centisecs writes inodes dirtied
// more than dirty_expire_centisecs ago (kupdate) and, above the background limit, the oldest dirty
// inodes; balance_dirty_pages, which makes a writer above the hard limit write its own pages; sync.
// The disk writes DiskWritePagesPerTick pages per 100 ms tick (about 100 MiB/s) in the background;
// sync, fsync and throttled writers wait, so they write everything they need at once.
// Invariant: the flusher never writes more than its budget in one tick.
// Not modelled: per-bdi bandwidth estimation, the writeback state (NR_WRITEBACK stays 0), strictlimit.
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Filemap;

public sealed class Writeback(PgData node, PageCache cache, Sysctls sysctls, Func<long> tick)
{
    public const long DiskWritePagesPerTick = 2560;

    /// <summary>global_dirtyable_memory (mm/page-writeback.c): free pages above the reserves plus the file LRU.</summary>
    public long GlobalDirtyableMemory()
    {
        long x = node.NrFreePages;
        x -= Math.Min(x, node.TotalreservePages);
        x += node.Stat[(int)NodeStatItem.NrInactiveFile] + node.Stat[(int)NodeStatItem.NrActiveFile];
        return x + 1;
    }

    /// <summary>domain_dirty_limits (mm/page-writeback.c): (thresh, bg_thresh) in pages.</summary>
    public (long Thresh, long BgThresh) DirtyLimits()
    {
        long available = GlobalDirtyableMemory();
        long bytes = sysctls.Get("dirty_bytes"), bgBytes = sysctls.Get("dirty_background_bytes");
        long thresh = bytes != 0 ? (bytes + Units.PageSize - 1) / Units.PageSize
            : sysctls.Get(SysctlCatalog.DirtyRatio) * available / 100;
        long bg = bgBytes != 0 ? (bgBytes + Units.PageSize - 1) / Units.PageSize
            : sysctls.Get(SysctlCatalog.DirtyBackgroundRatio) * available / 100;
        if (bg >= thresh) bg = thresh / 2;
        return (thresh, bg);
    }

    private bool _flushRequested;

    /// <summary>wakeup_flusher_threads(WB_REASON_VMSCAN): reclaim met dirty pages; the next flusher
    /// pass writes a full budget even below the background limit.</summary>
    public void RequestFlush() => _flushRequested = true;

    private long NrDirty => node.Stat[(int)NodeStatItem.NrDirty] + node.Stat[(int)NodeStatItem.NrWriteback];

    /// <summary>The flusher's share of one tick (wb_workfn → wb_do_writeback): background writeback while
    /// over the background limit, and the periodic kupdate pass for expired inodes.</summary>
    public void Tick()
    {
        long now = tick();
        long budget = DiskWritePagesPerTick;
        long bg = _flushRequested ? 0 : DirtyLimits().BgThresh;
        _flushRequested = false;
        while (budget > 0 && NrDirty > bg && cache.DirtyInodes.First is { } oldest)
        {
            long written = WritebackInode(oldest.Value, Math.Min(budget, NrDirty - bg));
            if (written == 0) break;
            budget -= written;
        }
        long intervalTicks = Math.Max(1, sysctls.Get(SysctlCatalog.DirtyWritebackCentisecs) / 10);
        if (sysctls.Get(SysctlCatalog.DirtyWritebackCentisecs) == 0 || now % intervalTicks != 0) return;
        long expireTicks = sysctls.Get(SysctlCatalog.DirtyExpireCentisecs) / 10;
        while (budget > 0 && cache.DirtyInodes.First is { } first && first.Value.DirtiedWhenTick + expireTicks <= now)
        {
            long written = WritebackInode(first.Value, budget);
            if (written == 0) break;
            budget -= written;
        }
    }

    /// <summary>writeback_single_inode / do_writepages: write up to <paramref name="maxPages"/> dirty pages of
    /// the inode, lowest index first. Returns pages written.</summary>
    public long WritebackInode(Inode inode, long maxPages)
    {
        long written = 0;
        long index = inode.NextCachedIndex(inode.CleanBelowIndex);
        for (; index >= 0; index = inode.NextCachedIndex(index + 1))
        {
            if (written >= maxPages || inode.NrDirty == 0) break;
            int pfn = inode.PageAt(index);
            if ((node.Map.Flags[pfn] & PageFlags.Dirty) == 0) continue;
            cache.WritePage(inode, pfn);
            written++;
        }
        // Every page before where the walk stopped is clean now.
        inode.CleanBelowIndex = index < 0 ? long.MaxValue : index;
        return written;
    }

    /// <summary>ksys_sync (fs/sync.c): write every dirty page and wait for it.</summary>
    public long SyncAll()
    {
        long written = 0;
        while (cache.DirtyInodes.First is { } first) written += WritebackInode(first.Value, long.MaxValue);
        return written;
    }

    /// <summary>vfs_fsync: write one file's dirty pages and wait.</summary>
    public long Fsync(Inode inode) => WritebackInode(inode, long.MaxValue);

    /// <summary>balance_dirty_pages (mm/page-writeback.c): above the hard limit a writer waits until its
    /// own writeback brings the dirty count back to the midpoint of the two limits.</summary>
    public void BalanceDirtyPages(Inode inode)
    {
        var (thresh, bg) = DirtyLimits();
        if (NrDirty <= thresh) return;
        WritebackInode(inode, NrDirty - (thresh + bg) / 2);
    }

    public void AddToDigest(DigestWriter w) => w.Add(_flushRequested ? 1 : 0);
}
