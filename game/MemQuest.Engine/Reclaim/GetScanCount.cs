// Models prepare_scan_control's anon/file decisions and get_scan_count with
// calculate_pressure_balance (mm/vmscan.c), kernel-spec §13.1-§13.2: how many pages of each LRU list
// one reclaim pass at a priority scans. Pure function of the lruvec, the zones and the knobs.
// may_deactivate follows workingset activations since the last reclaim run (snapshot_refaults), so a
// thrashing file LRU ends cache trim mode as §13.1 step 5 says.
// Not modelled: memcg protection (memory.low/min).
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Reclaim;

public static class GetScanCount
{
    public const int MaxSwappiness = 200;

    /// <summary>prepare_scan_control (mm/vmscan.c): may_deactivate, file_is_tiny (global reclaim only) and
    /// cache_trim_mode, read from the target lruvec (the node's, or the target memory cgroup's).</summary>
    public static void PrepareScanControl(ScanControl sc, ILruvec lru, PgData node)
    {
        // Refaults since the last reclaim run mean a new workingset is forming: deactivate stale active pages.
        sc.MayDeactivateAnon = lru.WorkingsetActivateAnon != lru.RefaultsSnapshotAnon
            || lru.InactiveIsLow(LruList.InactiveAnon);
        sc.MayDeactivateFile = lru.WorkingsetActivateFile != lru.RefaultsSnapshotFile
            || lru.InactiveIsLow(LruList.InactiveFile);
        long inactiveFile = lru.Count(LruList.InactiveFile);
        sc.CacheTrimMode = (inactiveFile >> sc.Priority) != 0 && !sc.MayDeactivateFile;
        long free = node.NrFreePages;
        long file = lru.Count(LruList.ActiveFile) + lru.Count(LruList.InactiveFile);
        long totalHigh = 0;
        foreach (Zone z in node.Zones)
            if (z.IsPopulated) totalHigh += z.Watermarks.High;
        sc.FileIsTiny = !sc.CgroupReclaim && file + free <= totalHigh && !sc.MayDeactivateAnon
            && (lru.Count(LruList.InactiveAnon) >> sc.Priority) != 0;
    }

    /// <summary>get_scan_count (mm/vmscan.c), kernel-spec §13.1: pages to scan per list (indexed by
    /// LruList, unevictable always 0) and the balance that decided it.</summary>
    public static (long[] Nr, ScanBalance Balance) Compute(ScanControl sc, ILruvec lru, long swappiness, bool canReclaimAnon)
    {
        ScanBalance balance;
        long fractionAnon = 0, fractionFile = 0, denominator = 1;
        if (!sc.MaySwap || !canReclaimAnon) balance = ScanBalance.File;
        else if (sc.CgroupReclaim && swappiness == 0) balance = ScanBalance.File;
        else if (sc.Priority == 0 && swappiness != 0) balance = ScanBalance.Equal;
        else if (sc.FileIsTiny) balance = ScanBalance.Anon;
        else if (sc.CacheTrimMode) balance = ScanBalance.File;
        else
        {
            balance = ScanBalance.Fract;
            (fractionAnon, fractionFile) = PressureBalance(lru.AnonCost, lru.FileCost, swappiness);
            denominator = fractionAnon + fractionFile;
        }
        var nr = new long[Lruvec.NrLruLists];
        for (LruList l = LruList.InactiveAnon; l <= LruList.ActiveFile; l++)
        {
            bool file = l >= LruList.InactiveFile;
            long scan = lru.LruSize(l, sc.ReclaimIdx) >> sc.Priority;
            nr[(int)l] = balance switch
            {
                ScanBalance.Fract => denominator == 0 ? 0 : scan * (file ? fractionFile : fractionAnon) / denominator,
                ScanBalance.File => file ? scan : 0,
                ScanBalance.Anon => file ? 0 : scan,
                _ => scan,
            };
        }
        return (nr, balance);
    }

    /// <summary>calculate_pressure_balance (mm/vmscan.c), kernel-spec §13.2: (ap, fp).</summary>
    public static (long Ap, long Fp) PressureBalance(long anonCost, long fileCost, long swappiness)
    {
        long total = anonCost + fileCost;
        long a = total + anonCost, f = total + fileCost, t = a + f;
        long ap = swappiness * (t + 1) / (a + 1);
        long fp = (MaxSwappiness - swappiness) * (t + 1) / (f + 1);
        return (ap, fp);
    }

    /// <summary>Why the balance came out as it did, in kernel words (for receipts).</summary>
    public static string Reason(ScanBalance balance, ScanControl sc, bool canReclaimAnon, long swappiness) => balance switch
    {
        ScanBalance.File when !canReclaimAnon => "SCAN_FILE: no free swap, anon pages cannot be reclaimed",
        ScanBalance.File when sc.CgroupReclaim && swappiness == 0 => "SCAN_FILE: memcg reclaim with swappiness 0",
        ScanBalance.File => "SCAN_FILE: cache trim mode (enough inactive file pages that are not thrashing)",
        ScanBalance.Anon => "SCAN_ANON: file is tiny (file LRU + free <= sum of high watermarks)",
        ScanBalance.Equal => "SCAN_EQUAL: priority 0, both types in proportion to size",
        _ => $"SCAN_FRACT: swappiness {swappiness}, anon_cost/file_cost decide the split",
    };
}
