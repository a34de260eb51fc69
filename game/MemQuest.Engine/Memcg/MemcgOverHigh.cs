// Models memory.high enforcement (mm/memcontrol.c try_charge_memcg's done_restock part,
// mem_cgroup_handle_over_high, reclaim_high, mem_find_max_overage, calculate_overage,
// calculate_high_delay), kernel-spec §14.1: a task whose charges leave its group (or an ancestor)
// above memory.high owes those pages; paying them reclaims from every group of its chain that is
// over high (each one counts a "high" event), and while reclaim cannot bring usage down, the task
// is put to sleep for penalty_jiffies = max_overage² × HZ >> 34, scaled by its share of the
// overage, at most 2 s (HZ = 250, the 6.18 box's CONFIG_HZ). memory.high never OOM-kills.
// Timing: the kernel charges through a 64-page per-CPU stock and pays at the return to user
//   space after each such batch; this model charges page by page and pays every
//   MEMCG_CHARGE_BATCH (64) pages a task charges above high, with nr_pages = 64, as the kernel would.
//   The sleep is simulated time: ThrottledUntilMs tells the task's driver (grow, a workload) to wait.
// Not modelled: swap.high (its overage term is 0), PSI memstall accounting.
using MemQuest.Engine.Mm;

namespace MemQuest.Engine.Memcg;

public sealed class MemcgOverHigh(MemcgTree tree, MemcgReclaim reclaim, Func<long> uptimeMs)
{
    /// <summary>CONFIG_HZ of the 6.18 box: jiffies per second.</summary>
    public const int Hz = 250;
    /// <summary>MEMCG_CHARGE_BATCH (include/linux/memcontrol.h).</summary>
    public const int MemcgChargeBatch = 64;
    /// <summary>MEMCG_DELAY_PRECISION_SHIFT.</summary>
    public const int MemcgDelayPrecisionShift = 20;
    /// <summary>MEMCG_DELAY_SCALING_SHIFT.</summary>
    public const int MemcgDelayScalingShift = 14;
    /// <summary>MEMCG_MAX_HIGH_DELAY_JIFFIES: 2 s.</summary>
    public const ulong MemcgMaxHighDelayJiffies = 2 * Hz;

    // current->memcg_nr_pages_over_high, by pid
    private readonly SortedDictionary<int, long> _pagesOverHigh = new();
    // end of the schedule_timeout_killable sleep, by pid
    private readonly SortedDictionary<int, long> _throttledUntilMs = new();

    /// <summary>The jiffies of the last sleep handed out (0 when the last payment did not sleep).</summary>
    public ulong LastPenaltyJiffies { get; private set; }

    /// <summary>When the task may run again (simulated ms since boot); 0 if it was never throttled.</summary>
    public long ThrottledUntilMs(int pid) => _throttledUntilMs.GetValueOrDefault(pid);

    /// <summary>try_charge_memcg after a successful charge: if the group or an ancestor is above
    /// memory.high, the charging task owes the pages; it pays once it owes a charge batch.</summary>
    internal void Charged(MemCgroup g, long nrPages, Process current)
    {
        for (MemCgroup? c = g; c is not null && !c.IsRoot; c = c.Parent)
        {
            if (c.UsagePages <= c.HighPages) continue;
            _pagesOverHigh[current.Pid] = _pagesOverHigh.GetValueOrDefault(current.Pid) + nrPages;
            break;
        }
        if (_pagesOverHigh.GetValueOrDefault(current.Pid) >= MemcgChargeBatch) HandleOverHigh(current);
    }

    /// <summary>__mem_cgroup_handle_over_high (mm/memcontrol.c).</summary>
    public void HandleOverHigh(Process current)
    {
        if (!_pagesOverHigh.Remove(current.Pid, out long nrPages) || nrPages == 0) return;
        MemCgroup memcg = tree.GroupOf(current);
        int nrRetries = MemcgCharge.MaxReclaimRetries;
        bool inRetry = false;
        LastPenaltyJiffies = 0;
        while (!current.Exiting)
        {
            long reclaimed = ReclaimHigh(memcg, inRetry ? Units.SwapClusterMax : nrPages);
            ulong penalty = Math.Min(CalculateHighDelay(nrPages, MemFindMaxOverage(memcg)), MemcgMaxHighDelayJiffies);
            if (penalty <= Hz / 100) return;
            if (reclaimed > 0 || nrRetries-- > 0) { inRetry = true; continue; }
            LastPenaltyJiffies = penalty;
            long from = Math.Max(uptimeMs(), _throttledUntilMs.GetValueOrDefault(current.Pid));
            _throttledUntilMs[current.Pid] = from + (long)penalty * 1000 / Hz;
            return;
        }
    }

    /// <summary>reclaim_high: reclaim in each group of the chain that is above memory.high.</summary>
    private long ReclaimHigh(MemCgroup memcg, long nrPages)
    {
        long reclaimed = 0;
        for (MemCgroup? c = memcg; c is not null && !c.IsRoot; c = c.Parent)
        {
            if (c.UsagePages <= c.HighPages) continue;
            MemcgCharge.MemoryEvent(c, MemcgEvent.High);
            reclaimed += reclaim.TryToFreeMemCgroupPages(c, nrPages, maySwap: true);
        }
        return reclaimed;
    }

    /// <summary>calculate_overage: (usage - high) &lt;&lt; 20 / high, 0 when not above.</summary>
    public static ulong CalculateOverage(long usagePages, long highPages)
    {
        if (usagePages <= highPages) return 0;
        ulong high = (ulong)Math.Max(highPages, 1);
        return ((ulong)usagePages - high << MemcgDelayPrecisionShift) / high;
    }

    /// <summary>mem_find_max_overage: the largest overage on the chain below the root.</summary>
    public static ulong MemFindMaxOverage(MemCgroup memcg)
    {
        ulong max = 0;
        for (MemCgroup? c = memcg; c is not null && !c.IsRoot; c = c.Parent)
            max = Math.Max(max, CalculateOverage(c.UsagePages, c.HighPages));
        return max;
    }

    /// <summary>calculate_high_delay: overage² × HZ &gt;&gt; 20 &gt;&gt; 14, × nr_pages / MEMCG_CHARGE_BATCH (u64, wrapping as in C).</summary>
    public static ulong CalculateHighDelay(long nrPages, ulong maxOverage)
    {
        if (maxOverage == 0) return 0;
        ulong penalty = unchecked(maxOverage * maxOverage * Hz);
        penalty >>= MemcgDelayPrecisionShift;
        penalty >>= MemcgDelayScalingShift;
        return unchecked(penalty * (ulong)nrPages) / MemcgChargeBatch;
    }

    public void AddToDigest(DigestWriter w)
    {
        foreach (var (pid, pages) in _pagesOverHigh) { w.Add(pid); w.Add(pages); }
        w.Add(-1);
        foreach (var (pid, until) in _throttledUntilMs) { w.Add(pid); w.Add(until); }
    }
}
