// Models the memcg page counter and charge path (mm/memcontrol.c try_charge_memcg,
// mem_cgroup_charge, __memcg_kmem_charge_page, mem_cgroup_oom, mem_cgroup_migrate, uncharge on
// free, memory_max_write, memory_high_write), kernel-spec §14.1: a user page allocated while a
// task's fault or read is served (anonymous pages and page-cache pages it brings in) and every
// __GFP_ACCOUNT page (its page tables) is charged to the task's group and all ancestors below the
// root. A charge over memory.max raises a "max" event and reclaims in the group over its limit
// (MemcgReclaim: its page cache, and its anon pages when there is swap), retrying while reclaim
// makes progress and MAX_RECLAIM_RETRIES more times when it does not; only then the memcg OOM
// killer, which kills inside the group; the charge retries while the OOM killer makes progress.
// A charge that leaves a group above memory.high counts toward the task's over-high pages
// (MemcgOverHigh: reclaim and throttling, never OOM).
// Invariants: each charged block is recorded once (pfn → group) and uncharged exactly once when
//   freed; UsagePages sums the charged pages of a group's subtree; pages already cached stay with
//   the group that read them first.
// Not modelled: the per-CPU charge stock (charges are exact, so memory.current never overshoots by
//   a batch; failcnt counts the same failures memory.events "max" does), swap accounting
//   (memory.swap.*), memory.low/min protection.
using System.Runtime.CompilerServices;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Oom.Control;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Reclaim;

namespace MemQuest.Engine.Memcg;

public sealed class MemcgCharge
{
    /// <summary>MAX_RECLAIM_RETRIES (mm/internal.h).</summary>
    public const int MaxReclaimRetries = 16;

    private readonly MemcgTree _tree;
    private readonly OomKiller _oom;
    private readonly Func<Process?> _current;
    private readonly MemMap _map;
    // page->memcg_data: memcg id + 1 of the charged block headed at this pfn, negated for kernel memory
    // (__GFP_ACCOUNT: page tables); 0 = uncharged. Allocated on the first charge (4 bytes a page).
    private SparsePfnArray? _owner;

    public MemcgCharge(MemcgTree tree, OomKiller oom, Func<Process?> current, PgData node, Lruvec nodeLru, Vmscan vmscan, Func<long> uptimeMs)
    {
        _tree = tree;
        _oom = oom;
        _current = current;
        _map = node.Map;
        tree.FirstGroupCreated += () => nodeLru.Observer = Lruvecs;     // from then on the groups' lists follow the node's
        Lruvecs = new MemcgLruvecs(tree, node.Map, UserGroupIdOf);
        Reclaim = new MemcgReclaim(tree, Lruvecs, vmscan, node);
        OverHigh = new MemcgOverHigh(tree, Reclaim, uptimeMs);
    }

    /// <summary>Each group's own LRU lists (memcg lruvecs).</summary>
    public MemcgLruvecs Lruvecs { get; }
    public MemcgReclaim Reclaim { get; }
    /// <summary>memory.high enforcement: reclaim and the allocating task's throttling.</summary>
    public MemcgOverHigh OverHigh { get; }

    /// <summary>The allocator's charge hook: charge a new block to current's group, or refuse it (false).</summary>
    public bool ChargeNewPage(long pfn, int order, GfpFlags gfp)
    {
        Process? current = _current();
        if (current is null || current.IsKernelThread) return true;   // no user task to charge: kept out of the call below
        return ChargeNewPageTo(current, pfn, order, gfp);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ChargeNewPageTo(Process current, long pfn, int order, GfpFlags gfp)
    {
        bool kmem = (gfp & GfpFlags.Account) != 0;
        bool user = (gfp & GfpFlags.GfpHighuser) == GfpFlags.GfpHighuser;
        if (!(kmem || user)) return true;
        MemCgroup g = _tree.GroupOf(current);
        if (g.IsRoot) return true;
        if (!TryCharge(g, 1L << order, current)) return false;
        _owner ??= new SparsePfnArray(_map.EndPfn);
        _owner[pfn] = kmem ? -(g.Id + 1) : g.Id + 1;
        return true;
    }

    /// <summary>The allocator's split hook (split_page_memcg): every page of a split block keeps the block's charge.</summary>
    public void SplitPage(long pfn, int order)
    {
        int owner = _owner is null ? 0 : _owner[pfn];
        if (owner == 0) return;
        for (long p = pfn + 1; p < pfn + (1L << order); p++) _owner![p] = owner;
    }

    /// <summary>The allocator's free hook: mem_cgroup_uncharge / __memcg_kmem_uncharge_page.</summary>
    public void UnchargePage(long pfn, int order)
    {
        int owner = _owner is null ? 0 : Math.Abs(_owner[pfn]);
        if (owner == 0) return;
        _owner![pfn] = 0;
        for (MemCgroup? c = _tree.ById[owner - 1]; c is not null && !c.IsRoot; c = c.Parent) c.UsagePages -= 1L << order;
    }

    /// <summary>mem_cgroup_migrate (mm/memcontrol.c): the new page takes over the old one's charge, so
    /// freeing the old page uncharges nothing. Call before the LRU splice.</summary>
    public void MigrateCharge(long oldPfn, long newPfn)
    {
        if (_owner is null || _owner[oldPfn] == 0) return;
        _owner[newPfn] = _owner[oldPfn];
        _owner[oldPfn] = 0;
    }

    /// <summary>The memcg id a user (LRU) page is charged to; -1 when uncharged, kernel memory or the root.</summary>
    private int UserGroupIdOf(long pfn)
    {
        int owner = _owner is null ? 0 : _owner[pfn];
        return owner > 0 ? owner - 1 : -1;
    }

    /// <summary>try_charge_memcg (mm/memcontrol.c), kernel-spec §14.1.</summary>
    public bool TryCharge(MemCgroup g, long nrPages, Process current)
    {
        int nrRetries = MaxReclaimRetries;
        bool passedOom = false, drained = false;
        while (true)
        {
            MemCgroup? over = MemOverLimit(g, nrPages);
            if (over is null)
            {
                for (MemCgroup? c = g; c is not null && !c.IsRoot; c = c.Parent) c.UsagePages += nrPages;
                OverHigh.Charged(g, nrPages, current);
                return true;
            }
            over.Failcnt++;
            MemoryEvent(over, MemcgEvent.Max);
            long reclaimed = Reclaim.TryToFreeMemCgroupPages(over, nrPages, maySwap: true);
            if (Margin(over) >= nrPages) continue;
            if (!drained) { drained = true; continue; }                      // drain_all_stock: nothing to drain here
            if (reclaimed > 0 && nrPages <= 1L << Units.PageAllocCostlyOrder) continue;
            if (nrRetries-- > 0) continue;
            if (passedOom && current.Exiting) return false;                  // task_is_dying(): nomem
            if (!MemCgroupOom(over, Units.GetOrder(nrPages * Units.PageSize), current)) return false;
            passedOom = true;
            nrRetries = MaxReclaimRetries;
        }
    }

    /// <summary>memory_max_write (mm/memcontrol.c): set memory.max; while usage is above it, reclaim (up to
    /// MAX_RECLAIM_RETRIES passes that free nothing), then the memcg OOM killer until it can do no more.</summary>
    public void WriteMax(MemCgroup g, long maxPages, string writerComm)
    {
        g.MaxPages = maxPages;
        int nrReclaims = MaxReclaimRetries;
        bool drained = false;
        while (g.UsagePages > g.MaxPages)
        {
            if (!drained) { drained = true; continue; }
            if (nrReclaims > 0)
            {
                if (Reclaim.TryToFreeMemCgroupPages(g, g.UsagePages - g.MaxPages, maySwap: true) == 0) nrReclaims--;
                continue;
            }
            MemoryEvent(g, MemcgEvent.Oom);
            if (Margin(g) >= 1) continue;                                    // mem_cgroup_out_of_memory's margin check
            OomDecision d = _oom.OutOfMemory(new OomRequest(0, GfpFlags.GfpKernel, OomConstraint.Memcg)
            {
                CurrentComm = writerComm,
                MemcgPath = g.Path,
            });
            // A pending victim (the kernel's writer would spin until the reaper frees it) ends the write here.
            if (d.Outcome is not (OomOutcome.Killed or OomOutcome.VictimAlreadyExiting)) break;
        }
    }

    /// <summary>memory_high_write (mm/memcontrol.c): set memory.high, then reclaim down to it, giving up
    /// after MAX_RECLAIM_RETRIES passes that free nothing. Never OOM-kills.</summary>
    public void WriteHigh(MemCgroup g, long highPages)
    {
        g.HighPages = highPages;
        int nrRetries = MaxReclaimRetries;
        bool drained = false;
        while (g.UsagePages > g.HighPages)
        {
            if (!drained) { drained = true; continue; }
            long reclaimed = Reclaim.TryToFreeMemCgroupPages(g, g.UsagePages - g.HighPages, maySwap: true);
            if (reclaimed == 0 && nrRetries-- == 0) break;
        }
    }

    /// <summary>memcg_memory_event (mm/memcontrol.c): count in the group and every ancestor below the root.</summary>
    public static void MemoryEvent(MemCgroup g, MemcgEvent e)
    {
        for (MemCgroup? c = g; c is not null && !c.IsRoot; c = c.Parent) c.Events[(int)e]++;
    }

    /// <summary>Every charged block of <paramref name="g"/>'s subtree as (pfn, kernel memory?), in pfn order.</summary>
    public IEnumerable<(long Pfn, bool Kmem)> ChargedBlocks(MemCgroup g)
    {
        var ids = new HashSet<int>(_tree.PreOrder(g).Select(c => c.Id + 1));
        foreach (var (pfn, owner) in _owner?.NonZero() ?? [])
            if (ids.Contains(Math.Abs(owner))) yield return (pfn, owner < 0);
    }

    /// <summary>page->memcg_data of every charged block, in pfn order, and the throttling state.</summary>
    public void AddToDigest(DigestWriter w)
    {
        foreach (var (pfn, owner) in _owner?.NonZero() ?? [])
        {
            w.Add(pfn);
            w.Add(owner);
        }
        Lruvecs.AddToDigest(w);
        OverHigh.AddToDigest(w);
    }

    /// <summary>mem_cgroup_margin (mm/memcontrol.c): pages still chargeable before memory.max.</summary>
    private static long Margin(MemCgroup g) => g.UsagePages < g.MaxPages ? g.MaxPages - g.UsagePages : 0;

    /// <summary>mem_cgroup_oom + mem_cgroup_out_of_memory (mm/memcontrol.c): true when the OOM killer made progress.</summary>
    private bool MemCgroupOom(MemCgroup over, int order, Process current)
    {
        if (order > Units.PageAllocCostlyOrder) return false;
        MemoryEvent(over, MemcgEvent.Oom);
        if (Margin(over) >= 1L << order) return true;
        OomDecision d = _oom.OutOfMemory(new OomRequest(order, GfpFlags.GfpKernel, OomConstraint.Memcg)
        {
            Current = current,
            MemcgPath = over.Path,
        });
        return current.Exiting || d.Outcome is OomOutcome.Killed or OomOutcome.VictimAlreadyExiting
            or OomOutcome.AbortedVictimPending or OomOutcome.CurrentExiting;
    }

    /// <summary>page_counter_try_charge (mm/page_counter.c): the lowest group a charge would push over memory.max.</summary>
    private static MemCgroup? MemOverLimit(MemCgroup g, long nrPages)
    {
        for (MemCgroup? c = g; c is not null && !c.IsRoot; c = c.Parent)
            if (c.UsagePages + nrPages > c.MaxPages) return c;      // page_counter_try_charge stops at the first
        return null;
    }
}
