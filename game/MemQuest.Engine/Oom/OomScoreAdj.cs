// Models /proc/PID/oom_score_adj and the legacy /proc/PID/oom_adj (fs/proc/base.c), kernel-spec
// §14.7: oom_score_adj_write, oom_adj_write, __set_oom_adj, oom_score_adj_read, oom_adj_read.
// Invariants: a write reads at most PROC_NUMBUF - 1 = 12 bytes, strips white space, parses with
//   kstrtoint base 0 (EINVAL for syntax, ERANGE beyond int); out of range is EINVAL; lowering
//   below oom_score_adj_min (legacy: below the current value) needs CAP_SYS_RESOURCE (EACCES);
//   a writer with CAP_SYS_RESOURCE also moves oom_score_adj_min (not through oom_adj).
// Not modelled: processes sharing the mm through CLONE_VM (MMF_MULTIPROCESS), vfork children.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Oom;

public static class OomScoreAdj
{
    /// <summary>PROC_NUMBUF (fs/proc/base.c): the write buffer; one byte is kept for the NUL.</summary>
    public const int ProcNumBuf = 13;
    /// <summary>OOM_DISABLE (include/uapi/linux/oom.h): legacy oom_adj value meaning "never kill".</summary>
    public const int OomDisable = -17;
    /// <summary>OOM_ADJUST_MIN / OOM_ADJUST_MAX: legacy oom_adj range.</summary>
    public const int OomAdjustMin = -16;
    public const int OomAdjustMax = 15;

    /// <summary>oom_score_adj_read (fs/proc/base.c): "%hd\n".</summary>
    public static string ReadOomScoreAdj(Process task) => task.OomScoreAdj + "\n";

    /// <summary>oom_adj_read (fs/proc/base.c), kernel-spec §14.7: adj*17/1000 capped at 15; 1000 reads 15.</summary>
    public static string ReadOomAdj(Process task)
    {
        int oomAdj = task.OomScoreAdj == OomBadness.OomScoreAdjMax
            ? OomAdjustMax
            : task.OomScoreAdj * -OomDisable / OomBadness.OomScoreAdjMax;
        if (oomAdj > OomAdjustMax) oomAdj = OomAdjustMax;
        return oomAdj + "\n";
    }

    /// <summary>oom_score_adj_write (fs/proc/base.c), kernel-spec §14.7.</summary>
    public static Errno WriteOomScoreAdj(Process task, string text, bool capSysResource)
    {
        Errno e = KstrtointStripped(text, out int value);
        if (e != Errno.Ok) return e;
        if (value < OomBadness.OomScoreAdjMin || value > OomBadness.OomScoreAdjMax) return Errno.EINVAL;
        return SetOomAdj(task, value, legacy: false, capSysResource);
    }

    /// <summary>oom_adj_write (fs/proc/base.c), kernel-spec §14.7: -16..15 or -17, scaled to oom_score_adj.
    /// <paramref name="deprecationDue"/> is true when the write reached the pr_warn_once.</summary>
    public static Errno WriteOomAdj(Process task, string text, bool capSysResource, out bool deprecationDue)
    {
        deprecationDue = false;
        Errno e = KstrtointStripped(text, out int oomAdj);
        if (e != Errno.Ok) return e;
        if ((oomAdj < OomAdjustMin || oomAdj > OomAdjustMax) && oomAdj != OomDisable) return Errno.EINVAL;
        int scoreAdj = ScaleOomAdj(oomAdj);
        if (scoreAdj < task.OomScoreAdj && !capSysResource) return Errno.EACCES;
        deprecationDue = true;
        return SetOomAdj(task, scoreAdj, legacy: true, capSysResource);
    }

    /// <summary>The scaling in oom_adj_write: 15 → 1000, otherwise oom_adj * 1000 / 17 (truncated).</summary>
    public static int ScaleOomAdj(int oomAdj) =>
        oomAdj == OomAdjustMax ? OomBadness.OomScoreAdjMax : oomAdj * OomBadness.OomScoreAdjMax / -OomDisable;

    /// <summary>The deprecation line __set_oom_adj (fs/proc/base.c) logs once per boot.</summary>
    public static string DeprecationLine(string writerComm, int writerPid, int targetPid) =>
        $"{writerComm} ({writerPid}): /proc/{targetPid}/oom_adj is deprecated, please use /proc/{targetPid}/oom_score_adj instead.";

    /// <summary>__set_oom_adj (fs/proc/base.c), kernel-spec §14.7 (the legacy EACCES check is in WriteOomAdj).</summary>
    private static Errno SetOomAdj(Process task, int value, bool legacy, bool capSysResource)
    {
        if (!legacy && (short)value < task.OomScoreAdjMin && !capSysResource) return Errno.EACCES;
        task.OomScoreAdj = (short)value;
        if (!legacy && capSysResource) task.OomScoreAdjMin = (short)value;
        return Errno.Ok;
    }

    /// <summary>The proc write prologue: at most 12 bytes, strstrip, then kstrtoint(base 0) (lib/kstrtox.c).</summary>
    public static Errno KstrtointStripped(string text, out int value)
    {
        value = 0;
        string buffer = text.Length > ProcNumBuf - 1 ? text[..(ProcNumBuf - 1)] : text;
        string s = buffer.Trim(' ', '\t', '\n', '\v', '\f', '\r');
        if (!KernelInt.TryParse(s, out long v)) return Errno.EINVAL;
        if (v < int.MinValue || v > int.MaxValue) return Errno.ERANGE;
        value = (int)v;
        return Errno.Ok;
    }
}
