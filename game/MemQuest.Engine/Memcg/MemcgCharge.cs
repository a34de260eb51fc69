// Models the memcg page counter and charge path (mm/memcontrol.c try_charge_memcg,
// mem_cgroup_charge, __memcg_kmem_charge_page, mem_cgroup_oom, uncharge on free), kernel-spec
// §14.1: a user page allocated while a task's fault is served (anonymous pages and page-cache
// pages it brings in) and every __GFP_ACCOUNT page (its page tables) is charged to the task's
// group and all ancestors below the root; a charge over memory.max fails reclaim (nothing in a
// group is reclaimable without swap here), then invokes the memcg OOM killer, which kills inside
// the group; the charge retries while the OOM killer makes progress.
// Invariants: each charged block is recorded once (pfn → group) and uncharged exactly once when
//   freed; UsagePages sums the charged pages of a group's subtree; pages already cached stay with
//   the group that read them first.
// Not modelled: memcg reclaim of the group's page cache, swap accounting (memory.swap.*),
//   memory.low/min protection, the memory.high sleep (only its event is counted).
using System.Runtime.CompilerServices;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Oom.Control;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Memcg;

public sealed class MemcgCharge
{
    /// <summary>MAX_RECLAIM_RETRIES (mm/internal.h): bound on OOM rounds for one charge.</summary>
    public const int MaxReclaimRetries = 16;

    private readonly MemcgTree _tree;
    private readonly OomKiller _oom;
    private readonly Func<Process?> _current;
    private readonly MemMap _map;
    // page->memcg_data: memcg id + 1 of the charged block headed at this pfn, negated for kernel memory
    // (__GFP_ACCOUNT: page tables); 0 = uncharged. Allocated on the first charge (4 bytes a page).
    private SparsePfnArray? _owner;

    public MemcgCharge(MemcgTree tree, OomKiller oom, Func<Process?> current, MemMap map)
    {
        _tree = tree;
        _oom = oom;
        _current = current;
        _map = map;
    }

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

    /// <summary>The allocator's free hook: mem_cgroup_uncharge / __memcg_kmem_uncharge_page.</summary>
    public void UnchargePage(long pfn, int order)
    {
        int owner = _owner is null ? 0 : Math.Abs(_owner[pfn]);
        if (owner == 0) return;
        _owner![pfn] = 0;
        for (MemCgroup? c = _tree.ById[owner - 1]; c is not null && !c.IsRoot; c = c.Parent) c.UsagePages -= 1L << order;
    }

    /// <summary>try_charge_memcg (mm/memcontrol.c), kernel-spec §14.1.</summary>
    public bool TryCharge(MemCgroup g, long nrPages, Process current)
    {
        bool passedOom = false;
        for (int round = 0; round <= MaxReclaimRetries; round++)
        {
            MemCgroup? over = MemOverLimit(g, nrPages);
            if (over is null)
            {
                for (MemCgroup? c = g; c is not null && !c.IsRoot; c = c.Parent) c.UsagePages += nrPages;
                CheckHigh(g);
                return true;
            }
            over.Failcnt++;
            MemoryEvent(over, MemcgEvent.Max);
            if (passedOom && current.Exiting) return false;             // task_is_dying(): nomem
            if (!MemCgroupOom(over, Units.GetOrder(nrPages * Units.PageSize), current)) return false;
            passedOom = true;
        }
        return false;
    }

    /// <summary>memory_max_write (mm/memcontrol.c): set memory.max; while usage is above it, reclaim (nothing
    /// to reclaim here), then the memcg OOM killer, until it is under or the OOM killer can do no more.</summary>
    public void WriteMax(MemCgroup g, long maxPages, string writerComm)
    {
        g.MaxPages = maxPages;
        for (int round = 0; round <= MaxReclaimRetries && g.UsagePages > g.MaxPages; round++)
        {
            MemoryEvent(g, MemcgEvent.Oom);
            OomDecision d = _oom.OutOfMemory(new OomRequest(0, GfpFlags.GfpKernel, OomConstraint.Memcg)
            {
                CurrentComm = writerComm,
                MemcgPath = g.Path,
            });
            if (d.Outcome is not (OomOutcome.Killed or OomOutcome.VictimAlreadyExiting)) break;
        }
    }

    /// <summary>memcg_memory_event (mm/memcontrol.c): count in the group and every ancestor below the root.</summary>
    public static void MemoryEvent(MemCgroup g, MemcgEvent e)
    {
        for (MemCgroup? c = g; c is not null && !c.IsRoot; c = c.Parent) c.Events[(int)e]++;
    }

    /// <summary>Pages charged to exactly this group, as (anon, file, pagetables): memory.stat's local view
    /// summed over the subtree.</summary>
    public (long Anon, long File, long Pagetables) Stat(MemCgroup g)
    {
        var ids = new HashSet<int>(_tree.PreOrder(g).Select(c => c.Id + 1));
        long anon = 0, file = 0, pgtables = 0;
        foreach (var (pfn, owner) in _owner?.NonZero() ?? [])
        {
            if (!ids.Contains(Math.Abs(owner))) continue;
            long pages = 1L << _map.Order[pfn];
            if (owner < 0) pgtables += pages;
            else if ((_map.Flags[pfn] & PageFlags.Anon) != 0) anon += pages;
            else file += pages;
        }
        return (anon, file, pgtables);
    }

    /// <summary>page->memcg_data of every charged block, in pfn order.</summary>
    public void AddToDigest(DigestWriter w)
    {
        foreach (var (pfn, owner) in _owner?.NonZero() ?? [])
        {
            w.Add(pfn);
            w.Add(owner);
        }
    }

    /// <summary>mem_cgroup_oom + mem_cgroup_out_of_memory (mm/memcontrol.c): true when the OOM killer made progress.</summary>
    private bool MemCgroupOom(MemCgroup over, int order, Process current)
    {
        if (order > Units.PageAllocCostlyOrder) return false;
        MemoryEvent(over, MemcgEvent.Oom);
        if (over.UsagePages + (1L << order) <= over.MaxPages) return true;     // mem_cgroup_margin
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

    /// <summary>memory.high (mm/memcontrol.c mem_cgroup_handle_over_high): count a "high" event per group over it.</summary>
    private static void CheckHigh(MemCgroup g)
    {
        for (MemCgroup? c = g; c is not null && !c.IsRoot; c = c.Parent)
            if (c.UsagePages > c.HighPages) MemoryEvent(c, MemcgEvent.High);
    }
}
