// Workingset refault detection (mm/workingset.c) as kernel-spec §11 and §13.1-§13.2 use it: a file
// page evicted by reclaim leaves a shadow; when it is read back within the workingset distance it goes
// straight to the active list, and that activation marks the file LRU as thrashing (no cache trim mode).
// drop_caches evictions leave no shadow (invalidate_mapping_pages removes pages without one).
using MemQuest.Engine.Filemap;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;
using MemQuest.Engine.Tests.Filemap;

namespace MemQuest.Engine.Tests.Reclaim;

public sealed class WorkingsetTests
{
    private static long Stat(Machine m, NodeStatItem i) => m.Node.Stat[(int)i];

    /// <summary>A box with a 256 MiB active file ("hot": written, synced, read once more) and a 4 MiB
    /// inactive one ("cold"), then direct reclaim until part of cold is evicted.</summary>
    private static (PageCacheBox Box, Inode Cold) EvictSomeCold()
    {
        var box = new PageCacheBox(1L << 20);
        box.Write("/data/hot", 256L << 20);
        box.Write("/data/cold", 4L << 20);
        box.Sync();
        box.Read("/data/hot");
        Inode cold = box.Machine.Fs.Lookup("/data/cold", out _)!;
        while (cold.ShadowCount == 0) box.Machine.Vmscan.TryToFreePages(ZoneType.Normal, maySwap: false);
        return (box, cold);
    }

    [Fact]
    public void Reclaim_EvictingAFilePage_LeavesAShadowInItsSlot()
    {
        var (_, cold) = EvictSomeCold();
        Assert.All(cold.Shadows(), s => Assert.Equal(MemMap.NoPfn, cold.PageAt(s.Index)));
        Assert.Equal(1024, cold.NrPages + cold.ShadowCount);
    }

    [Fact]   // refault distance (a handful of evictions) <= NR_ACTIVE_FILE (65536 pages of hot): activate
    public void Refault_WithinTheActiveListSize_ActivatesAndCounts()
    {
        var (box, cold) = EvictSomeCold();
        Machine m = box.Machine;
        long evicted = cold.ShadowCount;
        long[] refaulting = cold.Shadows().Select(s => s.Index).ToArray();
        long distance = m.Workingset.RefaultDistance(cold.ShadowAt(refaulting[^1]));
        Assert.True(distance <= Stat(m, NodeStatItem.NrActiveFile));
        long refault0 = Stat(m, NodeStatItem.WorkingsetRefaultFile), activate0 = Stat(m, NodeStatItem.WorkingsetActivateFile);
        box.Read("/data/cold");
        Assert.Equal(refault0 + evicted, Stat(m, NodeStatItem.WorkingsetRefaultFile));
        Assert.Equal(activate0 + evicted, Stat(m, NodeStatItem.WorkingsetActivateFile));
        Assert.All(refaulting, i => Assert.Equal(LruList.ActiveFile, PageCache.LruOf(m.Node.Map.Flags[cold.PageAt(i)])));
        Assert.Equal(0, cold.ShadowCount);
    }

    [Fact]   // workingset_test_recent: distance > workingset size → counted as a refault, not activated
    public void Refault_BeyondTheWorkingset_StaysInactive()
    {
        var (box, cold) = EvictSomeCold();
        Machine m = box.Machine;
        long shadow = cold.Shadows().First().Shadow;
        m.Lru.NonresidentAge += m.Workingset.WorkingsetSizeFile() + 1;   // as many evictions/activations happened since
        Assert.True(m.Workingset.RefaultDistance(shadow) > m.Workingset.WorkingsetSizeFile());
        long index = cold.Shadows().First().Index;
        long activate0 = Stat(m, NodeStatItem.WorkingsetActivateFile), refault0 = Stat(m, NodeStatItem.WorkingsetRefaultFile);
        m.FileIo.Read(cold, index << Units.PageShift, Units.PageSize);
        Assert.Equal(refault0 + 1, Stat(m, NodeStatItem.WorkingsetRefaultFile));
        Assert.Equal(activate0, Stat(m, NodeStatItem.WorkingsetActivateFile));
        Assert.Equal(LruList.InactiveFile, PageCache.LruOf(m.Node.Map.Flags[cold.PageAt(index)]));
    }

    [Fact]   // kernel-spec §13.1 rule 5: refaults since the last reclaim run end cache trim mode
    public void PrepareScanControl_AfterRefaultActivations_LeavesCacheTrimMode()
    {
        var (box, _) = EvictSomeCold();
        Machine m = box.Machine;
        box.Write("/data/bulk", 300L << 20);   // inactive file now outweighs active: not low
        box.Sync();
        Assert.False(m.Lru.InactiveIsLow(LruList.InactiveFile));
        var calm = new ScanControl { Priority = 0 };
        GetScanCount.PrepareScanControl(calm, m.Lru, m.Node);
        Assert.False(calm.MayDeactivateFile);
        Assert.True(calm.CacheTrimMode);
        box.Read("/data/cold");
        var thrashing = new ScanControl { Priority = 0 };
        GetScanCount.PrepareScanControl(thrashing, m.Lru, m.Node);
        Assert.True(thrashing.MayDeactivateFile);
        Assert.False(thrashing.CacheTrimMode);
        m.Vmscan.SnapshotRefaults();
        var after = new ScanControl { Priority = 0 };
        GetScanCount.PrepareScanControl(after, m.Lru, m.Node);
        Assert.True(after.CacheTrimMode);
    }

    [Fact]   // a page that had been active (PG_workingset) is a restore and costs the file LRU (lru_note_cost_refault)
    public void Refault_OfAPageThatWasActive_IsARestore()
    {
        var (box, cold) = EvictSomeCold();
        Machine m = box.Machine;
        long index = cold.Shadows().First().Index;
        cold.SetShadow(index, cold.ShadowAt(index) | 1);   // evicted after shrink_active_list had deactivated it
        long restore0 = Stat(m, NodeStatItem.WorkingsetRestoreFile);
        // lru_note_cost(file, nr_io 1, nr_rotated 0): file_cost += 1 * SWAP_CLUSTER_MAX, both halve past lrusize/4
        long lrusize = m.Lru.Count(LruList.InactiveAnon) + m.Lru.Count(LruList.ActiveAnon) + m.Lru.Count(LruList.InactiveFile) + m.Lru.Count(LruList.ActiveFile);
        long expected = m.Lru.FileCost + Units.SwapClusterMax;
        if (m.Lru.AnonCost + expected > lrusize / 4) expected /= 2;
        m.FileIo.Read(cold, index << Units.PageShift, Units.PageSize);
        Assert.Equal(restore0 + 1, Stat(m, NodeStatItem.WorkingsetRestoreFile));
        Assert.Equal(expected, m.Lru.FileCost);
        Assert.NotEqual(PageFlags.None, m.Node.Map.Flags[cold.PageAt(index)] & PageFlags.Workingset);
    }

    /// <summary>Every shadow entry on the box: (inode, index, shadow) over the file tree and the block device.</summary>
    private static List<(Inode Inode, long Index, long Shadow)> AllShadows(Machine m)
    {
        var all = new List<(Inode, long, long)>();
        var dirs = new Stack<Inode>([m.Fs.Root]);
        all.AddRange(m.Fs.BlockDevice.Shadows().Select(s => (m.Fs.BlockDevice, s.Index, s.Shadow)));
        while (dirs.TryPop(out Inode? dir))
            foreach (Inode child in dir.Children.Values)
            {
                all.AddRange(child.Shadows().Select(s => (child, s.Index, s.Shadow)));
                if (child.IsDirectory) dirs.Push(child);
            }
        return all;
    }

    [Fact]   // a shadow whose distance passes totalram_pages can never activate: it is shrunk away
    public void Shadows_OlderThanTotalramPages_AreReclaimed()
    {
        var (box, cold) = EvictSomeCold();
        Machine m = box.Machine;
        // Reclaim reached cold only after the older pages at the inactive tail: the C library pages cached
        // at boot (clean, unmapped: reclaimed although referenced), so their shadows are older still.
        var old = AllShadows(m);
        Assert.Contains(old, o => o.Inode.Path == MemQuest.Engine.Mm.Exec.MinimalProgram.Libc);
        Assert.Contains(old, o => o.Inode == cold);
        m.Lru.NonresidentAge += m.Node.TotalramPages;   // as if that many evictions/activations happened
        box.Write("/data/other", 64L << 20);
        box.Sync();
        Inode other = box.Machine.Fs.Lookup("/data/other", out _)!;
        while (other.ShadowCount == 0) m.Vmscan.TryToFreePages(ZoneType.Normal, maySwap: false);
        Assert.All(old, o => Assert.NotEqual(o.Shadow, o.Inode.ShadowAt(o.Index)));
        Assert.Equal(old.Count, m.Node.Stat[(int)NodeStatItem.WorkingsetNodereclaim]);
    }

    [Fact]   // kernel-spec §13.5: drop_caches removes pages without leaving shadows
    public void Drop1_LeavesNoShadows_SoRereadsAreNotRefaults()
    {
        var box = new PageCacheBox(1L << 20);
        box.Write("/data/f", 8L << 20);
        box.Sync();
        box.Drop("1");
        Assert.Equal(0, box.Machine.Fs.Lookup("/data/f", out _)!.ShadowCount);
        box.Read("/data/f");
        Assert.Equal(0, Stat(box.Machine, NodeStatItem.WorkingsetRefaultFile));
    }
}
