// Models a thread-group leader's struct task_struct + signal_struct as far as memory management
// sees it: pid, comm, uid, oom_score_adj and its floor, the mm, whether it is exiting, and the
// controlling terminal (signal->tty: what ps prints as TTY).
// Kernel threads have no mm. Processes are owned by ProcessTable (pid order and task-list order).
namespace MemQuest.Engine.Mm;

public sealed class Process(int pid, string comm, int parentPid, MmStruct? mm)
{
    /// <summary>TASK_COMM_LEN: comm is at most 15 characters.</summary>
    public const int TaskCommLen = 16;

    public int Pid { get; } = pid;
    public int Tgid => Pid;
    public int ParentPid { get; } = parentPid;
    public string Comm { get; set; } = comm.Length >= TaskCommLen ? comm[..(TaskCommLen - 1)] : comm;
    public int Uid { get; set; }
    public MmStruct? Mm { get; internal set; } = mm;
    public bool IsKernelThread => Mm is null;
    public short OomScoreAdj { get; set; }
    /// <summary>signal->oom_score_adj_min (kernel-spec §14.7).</summary>
    public short OomScoreAdjMin { get; set; }
    /// <summary>The task got SIGKILL and is on its way out (PF_EXITING / tsk_is_oom_victim).</summary>
    public bool Exiting { get; set; }
    /// <summary>Creation sequence number: the kernel's task-list order (init first).</summary>
    public long Sequence { get; internal set; }
    /// <summary>The anon_vma root this process shares anon pages with (its fork family), kernel-spec §8.2.</summary>
    public int AnonFamily { get; set; }
    /// <summary>ru_minflt / task->min_flt: minor page faults taken.</summary>
    public long MinFlt { get; set; }
    /// <summary>The tick the process started (ps START).</summary>
    public long StartTick { get; set; }
    /// <summary>The command line ps prints (argv joined by spaces).</summary>
    public string Cmdline { get; set; } = comm;
    /// <summary>signal->tty as ps names it ("pts/0"): programs started from a console have one and pass it
    /// on at fork; daemons started by systemd and kernel threads have none (null; ps prints "?").</summary>
    public string? Tty { get; set; }
    /// <summary>The process's glibc malloc state when it is a modelled C program (kernel-spec §10).</summary>
    public Malloc.GlibcMalloc? Malloc { get; set; }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(Pid); w.Add(ParentPid); w.Add(Comm); w.Add(Uid); w.Add(OomScoreAdj); w.Add(OomScoreAdjMin);
        w.Add(Exiting ? 1 : 0); w.Add(Sequence); w.Add(AnonFamily); w.Add(MinFlt); w.Add(StartTick); w.Add(Cmdline);
        if (Tty is not null) w.Add(Tty);   // only console programs have one: a box of daemons digests as before
        if (Malloc is null) w.Add(-1); else Malloc.AddToDigest(w);
        if (Mm is null) w.Add(-1); else Mm.AddToDigest(w);
    }
}
