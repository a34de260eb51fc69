// Models fs/drop_caches.c, kernel-spec §13.5: writing 1 invalidates every inode's clean, unmapped
// page-cache pages (invalidate_mapping_pages; dirty, writeback and mapped pages stay: run sync
// first), 2 runs the slab shrinkers until a pass frees almost nothing (drop_slab: dentries and
// inodes), 3 does both; bit 4 silences the "comm (pid): drop_caches: N" log line from then on.
// tmpfs (Shmem) pages are never dropped: they can only be swapped.
// Values outside 1..4 never get here (the sysctl range answers EINVAL). The cost comes afterwards:
// every dropped page must be read from disk again (IoResult.DiskReadPages).
// Not modelled: lru_add_drain_all (there are no per-CPU LRU batches), per-superblock iteration order.
using MemQuest.Engine.Events;
using MemQuest.Engine.Events.Reclaim;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Sysctl;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Engine.Filemap;

public sealed class DropCaches(FileSystem fs, Vmscan vmscan, PgData node, VmEvents events, Kmsg kmsg, KernelEventLog log)
{
    private bool _stfu;

    /// <summary>The task writing the file, for the log line (current->comm, task_pid_nr(current)).</summary>
    public (string Comm, int Pid) Caller { get; set; } = ("bash", 1);

    /// <summary>drop_caches_sysctl_handler (fs/drop_caches.c) for an accepted value.</summary>
    public Errno Handle(long value)
    {
        long dropped = 0, dirtyKept = 0, mappedKept = 0, slabFreed = 0;
        if ((value & 1) != 0)
        {
            foreach (Inode inode in InodesWithPages())
            {
                var (d, dirty, mapped) = InvalidateMappingPages(inode);
                dropped += d; dirtyKept += dirty; mappedKept += mapped;
            }
            events.Count(VmEventItem.DropPagecache);
        }
        if ((value & 2) != 0)
        {
            slabFreed = DropSlab();
            events.Count(VmEventItem.DropSlab);
        }
        if (!_stfu) kmsg.Printk($"{Caller.Comm} ({Caller.Pid}): drop_caches: {value}");
        _stfu |= (value & 4) != 0;
        if (log.Listening) log.Add(new CachesDropped(log.Tick, (int)value, dropped, dirtyKept, mappedKept, slabFreed));
        return Errno.Ok;
    }

    /// <summary>Inodes whose page cache drop_pagecache_sb walks. tmpfs inodes are walked too, but their
    /// pages are always dirty (they have no disk to be cleaned to), so none is ever dropped: skipped here.</summary>
    private IEnumerable<Inode> InodesWithPages() =>
        fs.AllInodes().Prepend(fs.BlockDevice).Where(i => i.NrPages > 0 && !i.IsShmem).ToList();

    /// <summary>invalidate_mapping_pages (mm/truncate.c) → mapping_evict_folio: drop the clean, unmapped
    /// pages not under writeback. Returns (dropped, dirty kept, mapped kept).</summary>
    public (long Dropped, long DirtyKept, long MappedKept) InvalidateMappingPages(Inode inode)
    {
        long dropped = 0, dirty = 0, mapped = 0;
        foreach (long index in inode.CachedIndexes().ToList())
        {
            int pfn = inode.PageAt(index);
            PageFlags f = node.Map.Flags[pfn];
            if ((f & PageFlags.Mapped) != 0) { mapped++; continue; }
            if ((f & (PageFlags.Dirty | PageFlags.Writeback)) != 0) { dirty++; continue; }
            fs.Cache.DeletePage(inode, pfn);
            dropped++;
        }
        return (dropped, dirty, mapped);
    }

    /// <summary>drop_slab (mm/shrinker.c): shrink_slab at priority 0 until freed &gt;&gt; shift++ &lt;= 1.</summary>
    private long DropSlab()
    {
        long total = 0, freed;
        int shift = 0;
        do
        {
            freed = vmscan.ShrinkSlab(0);
            total += freed;
        }
        while ((freed >> shift++) > 1);
        return total;
    }

    public void AddToDigest(DigestWriter w) => w.Add(_stfu ? 1 : 0);
}
