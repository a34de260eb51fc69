// Models the OOM killer's kernel-log lines (mm/oom_kill.c dump_header, dump_tasks, dump_task,
// dump_oom_victim, __oom_kill_process, oom_reap_task_mm; mm/memcontrol.c
// mem_cgroup_print_oom_context), kernel-spec §14.5, in the 6.x format: pure text, byte-exact.
// Each function returns one line without the trailing newline; Kmsg adds the time stamp.
// The Mem-Info block of dump_header is Oom/ShowMem; the call trace is not modelled.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom.Control;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Procfs;

public static class OomReport
{
    public const string TasksStateLine = "Tasks state (memory values in pages):";
    public const string TaskTableHeader =
        "[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name";
    public const string NoKillableLine = "Out of memory and no killable processes...";
    public const string GlobalPrefix = "Out of memory";
    public const string AllocatingTaskPrefix = "Out of memory (oom_kill_allocating_task)";
    public const string MemcgPrefix = "Memory cgroup out of memory";

    /// <summary>dump_header (mm/oom_kill.c), kernel-spec §14.5 line 1:
    /// "%s invoked oom-killer: gfp_mask=%#x(%pGg), order=%d, oom_score_adj=%hd".</summary>
    public static string Header(string comm, GfpFlags gfp, int order, short oomScoreAdj) =>
        $"{comm} invoked oom-killer: gfp_mask={GfpNames.Format(gfp)}, order={order}, oom_score_adj={oomScoreAdj}";

    /// <summary>dump_task (mm/oom_kill.c), kernel-spec §14.5 line 3:
    /// "[%7d] %5d %5d %8lu %8lu %8lu %8lu %9lu %8ld %8lu         %5hd %s".</summary>
    public static string TaskLine(Process p)
    {
        MmStruct mm = p.Mm ?? throw new ArgumentException("dump_task skips tasks without an mm", nameof(p));
        return $"[{p.Pid,7}] {p.Uid,5} {p.Tgid,5} {mm.TotalVmPages,8} {mm.RssPages,8} {mm.RssAnonPages,8} "
            + $"{mm.RssFilePages,8} {mm.RssShmemPages,9} {mm.PgtablesBytes,8} {mm.SwapEntsPages,8}         "
            + $"{p.OomScoreAdj,5} {p.Comm}";
    }

    /// <summary>oom_constraint_text (mm/oom_kill.c).</summary>
    public static string ConstraintText(OomConstraint c) => c switch
    {
        OomConstraint.None => "CONSTRAINT_NONE",
        OomConstraint.Cpuset => "CONSTRAINT_CPUSET",
        OomConstraint.MemoryPolicy => "CONSTRAINT_MEMORY_POLICY",
        _ => "CONSTRAINT_MEMCG",
    };

    /// <summary>dump_oom_victim (mm/oom_kill.c) with cpuset_print_current_mems_allowed and
    /// mem_cgroup_print_oom_context, kernel-spec §14.5 line 4. One node, no cpusets: "nodemask=(null),
    /// cpuset=/,mems_allowed=0"; <paramref name="oomMemcgPath"/> is null for a global OOM.</summary>
    public static string ConstraintLine(OomConstraint constraint, string? oomMemcgPath, string taskMemcgPath, Process victim)
    {
        string context = oomMemcgPath is null ? ",global_oom" : $",oom_memcg={oomMemcgPath}";
        return $"oom-kill:constraint={ConstraintText(constraint)},nodemask=(null),cpuset=/,mems_allowed=0"
            + $"{context},task_memcg={taskMemcgPath},task={victim.Comm},pid={victim.Pid},uid={victim.Uid}";
    }

    /// <summary>__oom_kill_process (mm/oom_kill.c), kernel-spec §14.5 line 5: "%s: Killed process %d (%s)
    /// total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, shmem-rss:%lukB, UID:%u pgtables:%lukB oom_score_adj:%hd".</summary>
    public static string KilledLine(string prefix, Process victim)
    {
        MmStruct mm = victim.Mm ?? throw new ArgumentException("a killed process still has its mm", nameof(victim));
        return $"{prefix}: Killed process {victim.Pid} ({victim.Comm}) total-vm:{Units.K(mm.TotalVmPages)}kB, "
            + $"anon-rss:{Units.K(mm.RssAnonPages)}kB, file-rss:{Units.K(mm.RssFilePages)}kB, "
            + $"shmem-rss:{Units.K(mm.RssShmemPages)}kB, UID:{victim.Uid} pgtables:{mm.PgtablesBytes >> 10}kB "
            + $"oom_score_adj:{victim.OomScoreAdj}";
    }

    /// <summary>oom_reap_task_mm (mm/oom_kill.c), kernel-spec §14.5 line 6.</summary>
    public static string ReaperLine(int pid, string comm, MmStruct mm) =>
        $"oom_reaper: reaped process {pid} ({comm}), now anon-rss:{Units.K(mm.RssAnonPages)}kB, "
        + $"file-rss:{Units.K(mm.RssFilePages)}kB, shmem-rss:{Units.K(mm.RssShmemPages)}kB";

    /// <summary>check_panic_on_oom (mm/oom_kill.c), kernel-spec §14.3: the panic() message.</summary>
    public static string PanicOnOomMessage(long panicOnOom) =>
        $"Out of memory: {(panicOnOom == 2 ? "compulsory" : "system-wide")} panic_on_oom is enabled";

    /// <summary>mem_cgroup_print_oom_meminfo (mm/memcontrol.c): "memory: usage %llukB, limit %llukB, failcnt %lu".</summary>
    public static string MemcgUsageLine(string counter, long usagePages, long limitPages, long failcnt) =>
        $"{counter}: usage {Units.K(usagePages)}kB, limit {Units.K(limitPages)}kB, failcnt {failcnt}";
}
