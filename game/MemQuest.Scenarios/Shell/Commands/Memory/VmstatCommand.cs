// vmstat [DELAY [COUNT]] (procps-ng 4.0.2 vmstat.c new_format, the box's version: no gu column): a
// two-line header, then one line per sample, "%2lu %2lu %6lu %6lu %6lu %6lu %4u %4u %5u %5u %4u %4u
// %2u %2u %2u %2u %2u". The first line covers the time since boot the way procps computes it: the
// rates are count * USER_HZ / Div, where Div is the sum of every CPU's jiffies (so they are per CPU
// second, a procps quirk); each later line covers the DELAY seconds the box ran (10 ticks per second)
// since the previous one, rates rounded as (delta + DELAY/2) / DELAY. swpd/free/buff/cache are kB
// (cache = Cached + SReclaimable); si/so and bi/bo are kB. The CPU columns are the shares of the
// jiffies the engine's CpuTime model accounted (kernel work as sy, disk reads waited for as wa, the
// rest idle; us and st stay 0: programs' own computing and a hypervisor are not simulated), each
// (100 * part + Div/2) / Div. r is 1 (vmstat itself) plus kswapd0 while it is awake; b is 1 while a
// disk read is still being waited for. in/cs (interrupts, context switches) are not modelled (0).
using MemQuest.Engine;
using MemQuest.Engine.Procfs;
using MemQuest.Engine.Vmstat;

namespace MemQuest.Scenarios.Shell.Commands.Memory;

public sealed class VmstatCommand : IShellCommand
{
    public const long MaxSeconds = 3600;
    public const string Header =
        "procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----\n" +
        " r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st\n";

    public string Name => "vmstat";
    public string Synopsis => "vmstat [DELAY COUNT]         virtual memory statistics; DELAY seconds of box time between lines";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count > 3) return ShellResult.Fail("vmstat: too many arguments\nUsage:\n vmstat [options] [delay [count]]\n");
        long delay = 0, count = 1;
        if (argv.Count >= 2 && (!long.TryParse(argv[1], out delay) || delay < 1 || delay > MaxSeconds))
            return ShellResult.Fail($"vmstat: the delay must be a whole number of seconds from 1 to {MaxSeconds} (got '{argv[1]}')\n");
        if (argv.Count == 3 && (!long.TryParse(argv[2], out count) || count < 1 || count > 1000))
            return ShellResult.Fail($"vmstat: the count must be a whole number from 1 to 1000 (got '{argv[2]}')\n");
        if (argv.Count == 2) return ShellResult.Usage("vmstat DELAY without COUNT runs forever; give a COUNT too, e.g. 'vmstat 1 5'");
        Machine m = context.Machine;
        var sb = new System.Text.StringBuilder(Header);
        Sample prev = Sample.Take(m);
        sb.Append(Line(m, prev, Sample.Zero, 0));
        for (long i = 1; i < count; i++)
        {
            for (long t = 0; t < delay * 1000 / Machine.TickMilliseconds; t++) m.Step();
            Sample now = Sample.Take(m);
            sb.Append(Line(m, now, prev, delay));
            prev = now;
        }
        return ShellResult.Ok(sb.ToString());
    }

    private sealed record Sample(long Pswpin, long Pswpout, long Pgpgin, long Pgpgout, long User, long System, long Idle, long Iowait, long Steal)
    {
        public static readonly Sample Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

        public static Sample Take(Machine m) => new(m.VmEvents[VmEventItem.Pswpin], m.VmEvents[VmEventItem.Pswpout],
            m.VmEvents[VmEventItem.Pgpgin], m.VmEvents[VmEventItem.Pgpgout],
            m.CpuTime.User, m.CpuTime.System, m.CpuTime.Idle, m.CpuTime.Iowait, m.CpuTime.Steal);
    }

    /// <summary>One sample line; <paramref name="seconds"/> 0 means the since-boot line.</summary>
    private static string Line(Machine m, Sample now, Sample before, long seconds)
    {
        Meminfo.Values v = Meminfo.Compute(m);
        long use = now.User - before.User, sys = now.System - before.System, idl = now.Idle - before.Idle;
        long iow = now.Iowait - before.Iowait, sto = now.Steal - before.Steal;
        long div = use + sys + idl + iow + sto;
        if (div == 0) { div = 1; idl = 1; }
        long divo2 = div / 2;
        long Rate(long delta) => seconds == 0 ? (delta * CpuTime.UserHz + divo2) / div : (delta + seconds / 2) / seconds;
        long Share(long part) => (100 * part + divo2) / div;
        long swpd = v["SwapTotal"] - v["SwapFree"];
        long cache = v["Cached"] + v["SReclaimable"];
        long running = 1 + (m.Kswapd.Awake ? 1 : 0), blocked = m.CpuTime.IoPending ? 1 : 0;
        return string.Format("{0,2} {1,2} {2,6} {3,6} {4,6} {5,6} {6,4} {7,4} {8,5} {9,5} {10,4} {11,4} {12,2} {13,2} {14,2} {15,2} {16,2}\n",
            running, blocked, swpd, v["MemFree"], v["Buffers"], cache,
            Rate((now.Pswpin - before.Pswpin) * 4), Rate((now.Pswpout - before.Pswpout) * 4),
            Rate(now.Pgpgin - before.Pgpgin), Rate(now.Pgpgout - before.Pgpgout), 0, 0,
            Share(use), Share(sys), Share(idl), Share(iow), Share(sto));
    }
}
