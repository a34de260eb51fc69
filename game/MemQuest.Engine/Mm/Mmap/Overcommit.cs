// Models overcommit accounting (mm/util.c __vm_enough_memory, vm_commit_limit, vm_acct_memory),
// kernel-spec §9: Committed_AS as the exact sum of charges, CommitLimit from overcommit_ratio or
// overcommit_kbytes plus swap, and the admission decision of modes 0 (heuristic), 1 (always) and
// 2 (never) with the admin and user reserves.
// Invariants: CommittedPages == sum of charged VMA pages of all live mms (+ charges in flight).
// A refusal is what the 6.x kernel does (mm/util.c): pr_warn_ratelimited of
// "__vm_enough_memory: pid: %d, comm: %s, bytes: %lu not enough memory for the allocation" with the
// caller's pid and comm (the forking parent for fork) and the refused size, then -ENOMEM. The oracle
// logged exactly that line (overcommit.json, kernel-spec §9.2); the caller prints its own error.
// Left out: hugetlb pages (none), the per-CPU counter slop (the sim's counter is exact).
using MemQuest.Engine.Events;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Mm.Mmap;

public sealed class Overcommit(Machine machine)
{
    /// <summary>vm_committed_as in pages (meminfo Committed_AS).</summary>
    public long CommittedPages { get; private set; }

    /// <summary>The last refusal's kernel log line (`__vm_enough_memory: pid: ...`), or null.</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>The pr_warn_ratelimited state of the refusal message (one per call site).</summary>
    private readonly RatelimitState _refusalRatelimit = new("__vm_enough_memory");

    public long TotalSwapPages => machine.Swap.TotalPages;

    /// <summary>vm_commit_limit (mm/util.c), kernel-spec §9.3, in pages.</summary>
    public long CommitLimitPages()
    {
        long kbytes = machine.Sysctls.Get(SysctlCatalog.OvercommitKbytes);
        long allowed = kbytes != 0
            ? kbytes >> (Units.PageShift - 10)
            : machine.Node.TotalramPages * machine.Sysctls.Get(SysctlCatalog.OvercommitRatio) / 100;
        return allowed + TotalSwapPages;
    }

    /// <summary>__vm_enough_memory (mm/util.c), kernel-spec §9.2: charge <paramref name="pages"/> for
    /// <paramref name="p"/> (root: CAP_SYS_ADMIN), or leave nothing charged and return ENOMEM.</summary>
    public Errno VmEnoughMemory(Process p, long pages)
    {
        CommittedPages += pages;
        long mode = machine.Sysctls.Get(SysctlCatalog.OvercommitMemory);
        if (mode == 1) return Errno.Ok;
        if (mode == 0)
        {
            if (pages <= machine.Node.TotalramPages + TotalSwapPages) return Errno.Ok;
            return Refuse(p, pages);
        }
        long allowed = CommitLimitPages();
        if (p.Uid != 0) allowed -= machine.Sysctls.Get(SysctlCatalog.AdminReserveKbytes) >> (Units.PageShift - 10);
        if (p.Mm is { } mm)
        {
            long reserve = machine.Sysctls.Get(SysctlCatalog.UserReserveKbytes) >> (Units.PageShift - 10);
            allowed -= Math.Min(mm.TotalVmPages / 32, reserve);
        }
        return CommittedPages < allowed ? Errno.Ok : Refuse(p, pages);
    }

    private Errno Refuse(Process p, long pages)
    {
        CommittedPages -= pages;
        LastRefusal = $"__vm_enough_memory: pid: {p.Pid}, comm: {p.Comm}, bytes: {pages << Units.PageShift} not enough memory for the allocation";
        if (_refusalRatelimit.Allow(machine.UptimeMs, machine.Kmsg.Printk)) machine.Kmsg.Printk(LastRefusal);
        return Errno.ENOMEM;
    }

    /// <summary>vm_unacct_memory: munmap, exit and failed operations give the charge back.</summary>
    public void Unaccount(long pages) => CommittedPages -= pages;

    public void AddToDigest(DigestWriter w)
    {
        w.Add(CommittedPages);
        _refusalRatelimit.AddToDigest(w);
    }
}
