// grow NAME|PID --write SIZE [--step SIZE]: the process writes SIZE more bytes page by page into the
// untouched part of its mappings, mapping more when they run out; with --step the box advances one
// tick after each step (kernel-spec §8.2); a task that memory.high throttled waits out its sleep
// before the next step (kernel-spec §14.1).
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;

namespace MemQuest.Scenarios.Shell.Commands.Tasks;

public sealed class GrowCommand : IShellCommand
{
    private const string UsageText = "usage: grow NAME|PID --write SIZE [--step SIZE]";

    public string Name => "grow";
    public string Synopsis => "grow NAME|PID --write SIZE [--step SIZE]   the process writes SIZE more bytes (a tick per step)";
    public bool LabOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count < 4) return ShellResult.Usage($"grow: name the process and how much it writes ({UsageText})");
        long total = -1, step = 0;
        for (int i = 2; i < argv.Count; i++)
        {
            if (i + 1 >= argv.Count) return ShellResult.Usage($"grow: {argv[i]} needs a size ({UsageText})");
            string v = argv[++i];
            if (argv[i - 1] == "--write" && TaskArgs.TryParseSize(v, out long w) && w > 0) total = w;
            else if (argv[i - 1] == "--step" && TaskArgs.TryParseSize(v, out long s) && s >= 4096) step = s;
            else return ShellResult.Usage($"grow: bad option or size '{argv[i - 1]} {v}' (sizes like 64M; --step at least 4k) ({UsageText})");
        }
        if (total < 0) return ShellResult.Usage($"grow: --write SIZE is required ({UsageText})");
        Process? p = TaskArgs.Resolve(context.Machine, argv[1]);
        if (p?.Mm is null) return ShellResult.Fail($"grow: no process '{argv[1]}' (see ps aux)\n");
        if (step == 0) step = total;
        long done = 0;
        while (done < total)
        {
            LabOutcome o = LabProgram.Grow(context.Machine.Mm, p, Math.Min(step, total - done));
            done += o.TouchedBytes;
            if (o.Failure == LabFailure.MmapRefused) return ShellResult.Fail($"mmap: Cannot allocate memory\n{p.Comm} ({p.Pid}) wrote {done} bytes before mmap failed\n");
            if (o.Failure != LabFailure.None && p.Exiting)
            {
                context.Machine.Mm.Exit(p);   // SIGKILL from the OOM killer: bash reports it once the child is reaped
                return ShellResult.Fail("Killed\n", 137);
            }
            if (o.Failure != LabFailure.None) return ShellResult.Fail(Messages.PageAllocFailed + $"{p.Comm} ({p.Pid}) is stuck in a page fault after writing {done} more bytes\n");
            context.Machine.Step();
            // memory.high: the kernel put the task to sleep on its way back to user space (simulated time passes).
            while (!p.Exiting && context.Machine.UptimeMs < context.Machine.MemcgCharge.OverHigh.ThrottledUntilMs(p.Pid) && !context.Machine.Panicked)
                context.Machine.Step();
        }
        return ShellResult.Ok("");
    }
}
