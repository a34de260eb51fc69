// Models out_of_memory, check_panic_on_oom, task_will_free_mem, oom_kill_process,
// __oom_kill_process and dump_header/dump_tasks (mm/oom_kill.c), kernel-spec §14.3-§14.5: what
// happens once the allocator (or a memory cgroup) gives up. Called by OomSlowPath (global OOM) and
// the memcg charge path; logs to Machine.Kmsg; records every decision as a receipt.
// Invariants: at most one victim per call; a pending victim blocks new victims; every kill is
//   counted (OomKillCount, /proc/vmstat oom_kill); panic_on_oom panics before any scan.
// Sim choice: SIGKILL'd victims other than the allocating task exit at once (in the kernel they
//   die while the allocator retries); the allocating task exits at the next tick (on its way back
//   to user space), so the reaper only acts on a victim whose exit path cannot run.
// Children: since 5.2 the kernel no longer sacrifices a child for its parent; the victim dies
//   alone (with any task sharing its mm) and its children live on, reparented.
// Not modelled: oom notifiers, the oom_lock, ratelimiting, memory.oom.group, sysrq OOMs, the call trace.
using MemQuest.Engine.Events;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom.Control;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Oom.Seams;
using MemQuest.Engine.Procfs;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Oom;

public sealed class OomKiller
{
    public const int DecisionsKept = 16;
    /// <summary>"current" for an allocation made outside any user task (a kernel worker).</summary>
    public const string NoCurrentComm = "kworker/0:1";

    private readonly Machine _m;
    private readonly List<OomDecision> _decisions = [];

    public OomKiller(Machine machine)
    {
        _m = machine;
        Exit = new MmTaskExit(machine.Mm);
    }

    /// <summary>The exit path victims take; the Mm subsystem installs the one that frees real pages.</summary>
    public ITaskExit Exit { get; set; }
    public OomReaper Reaper { get; } = new();
    /// <summary>OOM_KILL vm event (/proc/vmstat oom_kill): victims killed since boot.</summary>
    public long OomKillCount { get; private set; }
    /// <summary>out_of_memory() calls since boot.</summary>
    public long OutOfMemoryCount { get; private set; }
    /// <summary>pr_warn_once state of the oom_adj deprecation line.</summary>
    public bool OomAdjDeprecationWarned { get; private set; }
    /// <summary>The newest decisions, oldest first (at most DecisionsKept).</summary>
    public IReadOnlyList<OomDecision> Decisions => _decisions;
    public OomDecision? LastDecision => _decisions.Count == 0 ? null : _decisions[^1];

    /// <summary>Scope hooks for memory cgroups: the tasks a memcg OOM walks, its totalpages, the
    /// task's memcg path, the usage lines of the header and the oom_kill event. Global by default.</summary>
    public IOomScope Scope { get; set; } = new GlobalOomScope();

    /// <summary>out_of_memory (mm/oom_kill.c), kernel-spec §14.3: decide, log and kill.</summary>
    public OomDecision OutOfMemory(OomRequest req)
    {
        OutOfMemoryCount++;
        long total = TotalPages(req);
        Process? current = req.Current;
        bool memcg = req.Constraint == OomConstraint.Memcg;
        if (current is not null && TaskWillFreeMem(current))
        {
            Reaper.MarkOomVictim(current);
            Reaper.QueueOomReaper(current, _m.Tick);
            return Record(Plain(req, total, OomOutcome.CurrentExiting, current,
                $"{current.Comm} ({current.Pid}) is already exiting: it may use the reserves to finish, nobody is killed"));
        }
        if (!memcg && (req.GfpMask & GfpFlags.Fs) == 0)
            return Record(Plain(req, total, OomOutcome.NoFsNoKill, null,
                "the allocation cannot do filesystem I/O (no __GFP_FS): a global OOM does not kill for it, the caller retries"));
        if (CheckPanicOnOom(req))
            return Record(Plain(req, total, OomOutcome.Panicked, null, _m.PanicMessage!));
        if (!memcg && _m.Sysctls.Get(SysctlCatalog.OomKillAllocatingTask) != 0 && current is { Mm: not null }
            && !OomBadness.OomUnkillableTask(current) && current.OomScoreAdj != OomBadness.OomScoreAdjMin)
            return Record(KillAllocatingTask(req, total, current));
        OomDecision d = Decide(req);
        if (d.Outcome == OomOutcome.NoKillableProcess)
        {
            DumpHeader(req);
            _m.Kmsg.Printk(OomReport.NoKillableLine);
            if (!memcg) _m.Panic("System is deadlocked on memory");
        }
        else if (d.Outcome == OomOutcome.Killed)
            d = OomKillProcess(d, memcg ? OomReport.MemcgPrefix : OomReport.GlobalPrefix);
        return Record(d);
    }

    /// <summary>select_bad_process (mm/oom_kill.c), kernel-spec §14.3, without side effects: who would die now.</summary>
    public OomDecision Decide(OomRequest req) =>
        OomSelection.SelectBadProcess(req, TotalPages(req), Walk(req), Reaper.IsOomVictim, _m.Tick);

    /// <summary>oc->totalpages, kernel-spec §14.1: RAM + swap, or the memcg's limit.</summary>
    public long TotalPages(OomRequest req) =>
        req.Constraint == OomConstraint.Memcg ? Scope.MemcgTotalPages(req.MemcgPath!) : OomScore.GlobalTotalPages(_m);

    /// <summary>oom_adj_write (fs/proc/base.c), kernel-spec §14.7, with its once-per-boot deprecation line.</summary>
    public Errno WriteOomAdj(Process task, string text, bool capSysResource, string writerComm, int writerPid)
    {
        Errno e = OomScoreAdj.WriteOomAdj(task, text, capSysResource, out bool warn);
        if (warn && !OomAdjDeprecationWarned)
        {
            OomAdjDeprecationWarned = true;
            _m.Kmsg.Printk(OomScoreAdj.DeprecationLine(writerComm, writerPid, task.Pid));
        }
        return e;
    }

    /// <summary>One tick: SIGKILL'd victims still on the task list run and exit (do_exit on the way back to
    /// user space), then the OOM reaper's timers fire for any that could not.</summary>
    public void Step()
    {
        foreach (Process victim in Reaper.PendingVictims.ToList())
            if (victim.Exiting && ReferenceEquals(_m.Processes.Find(victim.Pid), victim)) Exit.DoExit(victim);
        Reaper.Run(_m.Tick, Exit, _m.Kmsg, _m.Processes);
    }

    /// <summary>task_will_free_mem (mm/oom_kill.c): the task is exiting and its mm is not yet torn down.</summary>
    public static bool TaskWillFreeMem(Process p) => p.Exiting && p.Mm is { OomSkip: false };

    /// <summary>check_panic_on_oom (mm/oom_kill.c), kernel-spec §14.3: 1 panics for global OOMs, 2 for all.</summary>
    private bool CheckPanicOnOom(OomRequest req)
    {
        long panicOnOom = _m.Sysctls.Get(SysctlCatalog.PanicOnOom);
        if (panicOnOom == 0) return false;
        if (panicOnOom != 2 && req.Constraint != OomConstraint.None) return false;
        DumpHeader(req);
        _m.Panic(OomReport.PanicOnOomMessage(panicOnOom));
        return true;
    }

    private OomDecision KillAllocatingTask(OomRequest req, long total, Process current)
    {
        OomDecision scan = Decide(req);
        var d = new OomDecision(_m.Tick, req, total, scan.Candidates, current, OomBadness.Badness(current, total),
            OomOutcome.AllocatingTaskKilled,
            $"vm.oom_kill_allocating_task = 1: the allocating task {current.Comm} ({current.Pid}) is killed without comparing points");
        return OomKillProcess(d, OomReport.AllocatingTaskPrefix);
    }

    /// <summary>oom_kill_process + __oom_kill_process (mm/oom_kill.c), kernel-spec §14.4-§14.5.</summary>
    private OomDecision OomKillProcess(OomDecision d, string prefix)
    {
        Process victim = d.Chosen!;
        bool isCurrent = ReferenceEquals(victim, d.Request.Current);
        if (TaskWillFreeMem(victim))
        {
            Reaper.MarkOomVictim(victim);
            Reaper.QueueOomReaper(victim, _m.Tick);
            if (!isCurrent) Exit.DoExit(victim);
            return d with { Outcome = OomOutcome.VictimAlreadyExiting, Reason = d.Reason + "; it was already exiting, so it only gets the reserves (no message, no second SIGKILL)" };
        }
        DumpHeader(d.Request);
        _m.Kmsg.Printk(OomReport.ConstraintLine(d.Request.Constraint, d.Request.MemcgPath, Scope.TaskMemcgPath(victim), victim));
        OomKillCount++;
        _m.VmEvents.Count(Vmstat.VmEventItem.OomKill);
        Scope.CountOomKill(victim);
        victim.Exiting = true;                                   // do_send_sig_info(SIGKILL, ..., PIDTYPE_TGID)
        Reaper.MarkOomVictim(victim);
        _m.Kmsg.Printk(OomReport.KilledLine(prefix, victim));
        Reaper.QueueOomReaper(victim, _m.Tick);
        if (!isCurrent) Exit.DoExit(victim);
        return d;
    }

    /// <summary>dump_header (mm/oom_kill.c), kernel-spec §14.5, without the call trace: a memcg OOM prints
    /// mem_cgroup_print_oom_meminfo, any other OOM __show_mem(SHOW_MEM_FILTER_NODES, nodemask, gfp_zone(gfp_mask))
    /// and, when should_dump_unreclaim_slab, dump_unreclaimable_slab.</summary>
    private void DumpHeader(OomRequest req)
    {
        Process? cur = req.Current;
        _m.Kmsg.Printk(OomReport.Header(cur?.Comm ?? req.CurrentComm ?? NoCurrentComm, req.GfpMask, req.Order, cur?.OomScoreAdj ?? 0));
        if (req.Constraint == OomConstraint.Memcg)
            foreach (string line in Scope.MemcgInfoLines(req.MemcgPath!)) _m.Kmsg.Printk(line);
        else
        {
            foreach (string line in ShowMem.Lines(_m, PageAllocator.GfpZone(req.GfpMask))) _m.Kmsg.Printk(line);
            if (UnreclaimableSlabDump.ShouldDump(_m.Node))
                foreach (string line in UnreclaimableSlabDump.Lines(_m.Slab)) _m.Kmsg.Printk(line);
        }
        if (_m.Sysctls.Get(SysctlCatalog.OomDumpTasks) == 0) return;
        _m.Kmsg.Printk(OomReport.TasksStateLine);
        _m.Kmsg.Printk(OomReport.TaskTableHeader);
        foreach (Process p in Walk(req))                                  // dump_task
            if (!OomBadness.OomUnkillableTask(p) && p.Mm is not null) _m.Kmsg.Printk(OomReport.TaskLine(p));
    }

    /// <summary>for_each_process, or mem_cgroup_scan_tasks for a memcg OOM.</summary>
    private List<Process> Walk(OomRequest req) =>
        req.Constraint == OomConstraint.Memcg ? [.. Scope.MemcgTasks(req.MemcgPath!)] : [.. _m.Processes.TaskList];

    private OomDecision Plain(OomRequest req, long total, OomOutcome outcome, Process? chosen, string reason) =>
        new(_m.Tick, req, total, [], chosen, OomBadness.NotEligible, outcome, reason);

    private OomDecision Record(OomDecision d)
    {
        _decisions.Add(d);
        if (_decisions.Count > DecisionsKept) _decisions.RemoveAt(0);
        if (_m.Events.Listening) _m.Events.Add(new OomKillerDecided(_m.Tick, d));
        return d;
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(OomKillCount);
        w.Add(OutOfMemoryCount);
        w.Add(OomAdjDeprecationWarned ? 1 : 0);
        Reaper.AddToDigest(w);
        foreach (OomDecision d in _decisions)
        {
            w.Add(d.Tick); w.Add((long)d.Outcome); w.Add(d.Chosen?.Pid ?? -1); w.Add(d.ChosenPoints);
        }
    }
}
