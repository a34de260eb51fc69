// Models /proc/PID/status (fs/proc/array.c proc_pid_status, fs/proc/task_mmu.c task_mem),
// kernel-spec §8.4: every line of the 6.18 layout in order; the memory lines are label, TAB, the
// value right-aligned to 8, " kB". The process is a single-threaded root program waiting in
// pause() (State S, no signal handlers, full capabilities), on a box with Machine.Cpus CPUs.
// Left out: seccomp, namespaces (the box has one pid namespace), x86 thread-feature lines.
using System.Text;
using MemQuest.Engine.Mm;

namespace MemQuest.Engine.Procfs.Pid;

public static class ProcPidStatus
{
    public static string Render(Machine m, Process p)
    {
        var sb = new StringBuilder();
        void Line(string label, string value) => sb.Append(label).Append(":\t").Append(value).Append('\n');
        string ids = $"{p.Uid}\t{p.Uid}\t{p.Uid}\t{p.Uid}";
        Line("Name", p.Comm);
        Line("Umask", "0022");
        Line("State", p.Exiting ? "Z (zombie)" : "S (sleeping)");
        Line("Tgid", p.Tgid.ToString());
        Line("Ngid", "0");
        Line("Pid", p.Pid.ToString());
        Line("PPid", p.ParentPid.ToString());
        Line("TracerPid", "0");
        Line("Uid", ids);
        Line("Gid", ids);
        Line("FDSize", "64");
        Line("Groups", " ");
        Line("NStgid", p.Tgid.ToString());
        Line("NSpid", p.Pid.ToString());
        Line("NSpgid", p.ParentPid.ToString());
        Line("NSsid", p.ParentPid.ToString());
        Line("Kthread", p.IsKernelThread ? "1" : "0");
        if (p.Mm is { } mm) TaskMem(sb, mm);
        TaskSignalsAndCpus(sb, m, p);
        return sb.ToString();
    }

    /// <summary>The lines after task_mem: task_core_dumping, task_thp_status, task_untag_mask, task_sig,
    /// task_cap, task_seccomp, task_cpus_allowed, cpuset_task_status_allowed, task_context_switch_counts.</summary>
    private static void TaskSignalsAndCpus(StringBuilder sb, Machine m, Process p)
    {
        void Line(string label, string value) => sb.Append(label).Append(":\t").Append(value).Append('\n');
        Line("CoreDumping", "0");
        Line("THP_enabled", "1");
        Line("untag_mask", "0xffffffffffffffff");
        Line("Threads", "1");
        Line("SigQ", $"0/{m.Node.TotalramPages / 64}");
        foreach (string s in new[] { "SigPnd", "ShdPnd", "SigBlk", "SigIgn", "SigCgt" }) Line(s, "0000000000000000");
        Line("CapInh", "0000000000000000");
        foreach (string s in new[] { "CapPrm", "CapEff", "CapBnd" }) Line(s, p.Uid == 0 ? "000001ffffffffff" : "0000000000000000");
        Line("CapAmb", "0000000000000000");
        Line("NoNewPrivs", "0");
        Line("Seccomp", "0");
        Line("Seccomp_filters", "0");
        Line("Speculation_Store_Bypass", "vulnerable");
        Line("SpeculationIndirectBranch", "always enabled");
        Line("Cpus_allowed", (((1UL << Math.Min(m.Cpus, 63)) - 1)).ToString("x"));
        Line("Cpus_allowed_list", m.Cpus == 1 ? "0" : $"0-{m.Cpus - 1}");
        Line("Mems_allowed", string.Join(',', Enumerable.Repeat("00000000", 31)) + ",00000001");
        Line("Mems_allowed_list", "0");
        Line("voluntary_ctxt_switches", "1");
        Line("nonvoluntary_ctxt_switches", "0");
    }

    /// <summary>task_mem (fs/proc/task_mmu.c), kernel-spec §8.4.</summary>
    public static void TaskMem(StringBuilder sb, MmStruct mm)
    {
        long text = TextBytes(mm) >> 10;
        long lib = ((mm.ExecVmPages << Units.PageShift) - TextBytes(mm)) >> 10;
        void Kb(string label, long kb) => sb.Append(label).Append(":\t").Append(kb.ToString().PadLeft(8)).Append(" kB\n");
        Kb("VmPeak", Units.K(Math.Max(mm.TotalVmPages, mm.HiwaterVmPages)));
        Kb("VmSize", Units.K(mm.TotalVmPages));
        Kb("VmLck", Units.K(mm.LockedVmPages));
        Kb("VmPin", Units.K(mm.PinnedVmPages));
        Kb("VmHWM", Units.K(Math.Max(mm.RssPages, mm.HiwaterRssPages)));
        Kb("VmRSS", Units.K(mm.RssPages));
        Kb("RssAnon", Units.K(mm.RssAnonPages));
        Kb("RssFile", Units.K(mm.RssFilePages));
        Kb("RssShmem", Units.K(mm.RssShmemPages));
        Kb("VmData", Units.K(mm.DataVmPages));
        Kb("VmStk", Units.K(mm.StackVmPages));
        Kb("VmExe", text);
        Kb("VmLib", lib);
        Kb("VmPTE", mm.PgtablesBytes >> 10);
        Kb("VmSwap", Units.K(mm.SwapEntsPages));
        Kb("HugetlbPages", 0);
    }

    /// <summary>PAGE_ALIGN(end_code) − (start_code &amp; PAGE_MASK).</summary>
    public static long TextBytes(MmStruct mm) =>
        Units.PageAlign(mm.Space.EndCode) - (mm.Space.StartCode & ~(Units.PageSize - 1));

    /// <summary>/proc/PID/statm (task_statm): size resident shared text lib data dt, in pages.</summary>
    public static string RenderStatm(MmStruct mm) =>
        $"{mm.TotalVmPages} {mm.RssPages} {mm.RssFilePages + mm.RssShmemPages} {TextBytes(mm) >> Units.PageShift} 0 {mm.DataVmPages + mm.StackVmPages} 0\n";
}
