// top -b -n 1: procps top's batch output once: the summary lines (memory in MiB as top computes
// them from /proc/meminfo; %Cpu(s) from the box's CPU time since boot, as top's first frame has no
// earlier sample of /proc/stat to subtract) and one row per process, biggest RES first.
using System.Text;
using MemQuest.Engine;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Procfs;

namespace MemQuest.Scenarios.Shell.Commands;

public sealed class TopCommand : IShellCommand
{
    public string Name => "top";
    public string Synopsis => "top -b -n 1                 one batch snapshot of memory and processes";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        var args = argv.Skip(1).ToList();
        bool batch = args.Remove("-b"), once = args.Remove("-n1");
        int n = args.IndexOf("-n");
        if (n >= 0 && n + 1 < args.Count && args[n + 1] == "1") { once = true; args.RemoveRange(n, 2); }
        if (args.Count > 0) return ShellResult.Fail($"top: unknown option '{args[0]}'\nUsage:\n  top -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]\n");
        if (!batch || !once) return ShellResult.Fail("top: this console has no full-screen mode; run 'top -b -n 1' for one snapshot\n");
        return ShellResult.Ok(Render(context));
    }

    private static string Render(ShellContext c)
    {
        Machine m = c.Machine;
        var v = Meminfo.Compute(m);
        long Kb(string label) => v.Lines.FirstOrDefault(l => l.Key == label).Value;
        long total = Kb("MemTotal"), free = Kb("MemFree"), cache = Kb("Buffers") + Kb("Cached") + Kb("SReclaimable");
        long used = total - free - cache;
        long upMin = m.Tick / 600;
        string now = c.Incident?.Clock.At(m.Tick) ?? $"{m.Tick / 36000:D2}:{m.Tick / 600 % 60:D2}:{m.Tick / 10 % 60:D2}";
        var procs = m.Processes.ByPid.Where(p => p.Mm is not null).ToList();
        var sb = new StringBuilder();
        sb.Append($"top - {now} up {upMin} min,  1 user,  load average: 0.00, 0.00, 0.00\n");
        sb.Append($"Tasks: {procs.Count,3} total,   0 running, {procs.Count,3} sleeping,   0 stopped,   0 zombie\n");
        sb.Append(CpuLine(m.CpuTime));
        sb.Append($"MiB Mem : {Mib(total),8} total, {Mib(free),8} free, {Mib(used),8} used, {Mib(cache),8} buff/cache\n");
        long swapTotal = Kb("SwapTotal"), swapFree = Kb("SwapFree");
        sb.Append($"MiB Swap: {Mib(swapTotal),8} total, {Mib(swapFree),8} free, {Mib(swapTotal - swapFree),8} used. {Mib(Kb("MemAvailable")),8} avail Mem\n\n");
        sb.Append("    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n");
        foreach (Process p in procs.OrderByDescending(p => p.Mm!.RssPages).ThenBy(p => p.Pid))
        {
            MmStruct mm = p.Mm!;
            long res = Units.K(mm.RssPages), shr = Units.K(mm.RssFilePages + mm.RssShmemPages);
            long memTenths = total == 0 ? 0 : res * 1000 / total;
            sb.Append($"{p.Pid,7} {"root",-8}  20   0 {Units.K(mm.TotalVmPages),7} {res,6} {shr,6} S   0.0 {memTenths / 10,4}.{memTenths % 10}   0:00.00 {p.Comm}\n");
        }
        return sb.ToString();
    }

    /// <summary>"%Cpu(s): %5.1f us, %5.1f sy, ..." with each share of all CPUs' jiffies rounded to a tenth.</summary>
    public static string CpuLine(Engine.Vmstat.CpuTime t)
    {
        long total = t.User + t.System + t.Idle + t.Iowait + t.Steal;
        string P(long jiffies)
        {
            long tenths = total == 0 ? 0 : (jiffies * 1000 + total / 2) / total;
            return $"{tenths / 10,3}.{tenths % 10}";
        }
        string idle = total == 0 ? "100.0" : P(t.Idle);
        return $"%Cpu(s):{P(t.User)} us,{P(t.System)} sy,{P(0)} ni,{idle} id,{P(t.Iowait)} wa,{P(0)} hi,{P(0)} si,{P(t.Steal)} st\n";
    }

    private static string Mib(long kb) => $"{kb / 1024}.{kb % 1024 * 10 / 1024}";
}
