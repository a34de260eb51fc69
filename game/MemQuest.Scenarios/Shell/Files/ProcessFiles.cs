// Registers the per-process files /proc/PID/{status,statm,maps,smaps_rollup,oom_score_adj}
// (kernel-spec §8.4, §14.7) and the THP defrag knob (§16), which the mm subsystem owns.
using System.Globalization;
using MemQuest.Engine;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Procfs.Pid;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Files;

public static class ProcessFiles
{
    private static readonly string[] Names = ["maps", "oom_score_adj", "smaps_rollup", "statm", "status"];

    public static void Register(VirtualFiles files, Machine m)
    {
        files.AddProvider("/proc/", path => Resolve(m, path), () => List(m));
        files.Add("/sys/kernel/mm/transparent_hugepage/defrag", new VirtualFile(
            () => SysctlFiles.ThpLine(Engine.Mm.Fault.ThpSettings.DefragModes, m.Mm.ThpDefrag),
            text => m.Mm.SetThpDefrag(text.Trim())));
    }

    private static IEnumerable<string> List(Machine m) =>
        m.Processes.ByPid.Where(p => p.Mm is not null).SelectMany(p => Names.Select(n => $"/proc/{p.Pid}/{n}"));

    private static VirtualFile? Resolve(Machine m, string path)
    {
        string[] parts = path.Split('/');
        if (parts.Length != 4 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) return null;
        Process? p = m.Processes.Find(pid);
        if (p?.Mm is null) return null;
        return parts[3] switch
        {
            "status" => VirtualFile.ReadOnly(() => ProcPidStatus.Render(m, p)),
            "statm" => VirtualFile.ReadOnly(() => ProcPidStatus.RenderStatm(p.Mm)),
            "maps" => VirtualFile.ReadOnly(() => ProcPidMaps.Render(p.Mm)),
            "smaps_rollup" => VirtualFile.ReadOnly(() => SmapsRollup.Render(m, p.Mm)),
            "oom_score_adj" => new VirtualFile(() => $"{p.OomScoreAdj}\n", text => WriteOomScoreAdj(p, text)),
            _ => null,
        };
    }

    /// <summary>oom_score_adj_write (fs/proc/base.c), kernel-spec §14.7, for a root writer (CAP_SYS_RESOURCE):
    /// kstrtoint base 0, range -1000..1000, and the value becomes the new floor.</summary>
    private static Errno WriteOomScoreAdj(Process p, string text)
    {
        string t = text.Trim();
        bool neg = t.StartsWith('-');
        string digits = neg || t.StartsWith('+') ? t[1..] : t;
        int radix = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? 16 : digits.Length > 1 && digits[0] == '0' ? 8 : 10;
        if (radix == 16) digits = digits[2..];
        long v;
        try { v = digits.Length == 0 ? throw new FormatException() : Convert.ToInt64(digits, radix); }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException) { return Errno.EINVAL; }
        if (neg) v = -v;
        if (v < -1000 || v > 1000) return Errno.EINVAL;
        p.OomScoreAdj = (short)v;
        p.OomScoreAdjMin = (short)v;
        return Errno.Ok;
    }
}
