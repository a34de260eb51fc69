// spawn NAME [--map SIZE] [--write SIZE | --read SIZE] [--stride SIZE] [--regions N] [--spacing SIZE]
// [--noreserve] [--readonly] [--hugepage] [--adj N]: start a minimal C program that maps, touches and
// waits (the oracle's oomchild), kernel-spec §8-§9, §16. Failures print what the program would.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;

namespace MemQuest.Scenarios.Shell.Commands.Tasks;

public sealed class SpawnCommand : IShellCommand
{
    private const string UsageText = "usage: spawn NAME [--map SIZE] [--write SIZE | --read SIZE] [--stride SIZE] [--regions N] [--spacing SIZE] [--noreserve] [--readonly] [--hugepage] [--adj N] [--cgroup NAME]";

    public string Name => "spawn";
    public string Synopsis => "spawn NAME [--map SIZE] [--write|--read SIZE] [--stride SIZE] [--regions N] [--spacing SIZE] [--noreserve] [--readonly] [--hugepage] [--adj N] [--cgroup NAME]   start a program that maps, touches and waits";
    public bool LabOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argvIn)
    {
        string? cgroupError = CgroupSpawnOption.Take(context, argvIn, out List<string> argv, out var cgroup);
        if (cgroupError is not null) return ShellResult.Usage($"spawn: {cgroupError}");
        if (argv.Count < 2 || argv[1].StartsWith('-')) return ShellResult.Usage($"spawn: give the program a name first ({UsageText})");
        string? error = Parse(argv, out LabProgramSpec spec, out int adj);
        if (error is not null) return ShellResult.Usage($"spawn: {error} ({UsageText})");
        var m = context.Machine;
        LabOutcome o = CgroupSpawnOption.RunInside(context, cgroup, () => LabProgram.Spawn(m.Mm, argv[1], context.ShellPid, m.Tick, spec));
        if (o.Process is null)
            return ShellResult.Fail(o.Failure == LabFailure.ForkRefused ? "bash: fork: Cannot allocate memory\n" : Messages.PageAllocFailed);
        Process p = o.Process;
        p.OomScoreAdj = (short)adj;
        p.Cmdline = string.Join(' ', argv.Skip(1));
        p.Tty = context.Tty;
        switch (o.Failure)
        {
            case LabFailure.MmapRefused:
                m.Mm.Exit(p);
                return ShellResult.Fail("mmap: Cannot allocate memory\n");
            case LabFailure.PageAllocationFailed:
                if (p.Exiting) m.Mm.Exit(p);   // SIGKILL from the OOM killer: bash reports it once the child is reaped
                return p.Exiting ? ShellResult.Fail("Killed\n", 137)
                    : ShellResult.Fail(Messages.PageAllocFailed + $"{argv[1]} ({p.Pid}) is stuck in a page fault after touching {o.TouchedBytes} bytes\n");
        }
        string where = spec.MapBytes > 0 ? $", first mapping at {TaskArgs.Hex(o.FirstMappingAddress)}" : "";
        return ShellResult.Ok($"[{p.Pid}] {argv[1]} started{where}\n");
    }

    private static string? Parse(IReadOnlyList<string> argv, out LabProgramSpec spec, out int adj)
    {
        spec = new LabProgramSpec();
        adj = 0;
        long map = 0, touch = 0, stride = 0, spacing = 0;
        int regions = 1;
        bool read = false, write = false, noreserve = false, ro = false, huge = false;
        for (int i = 2; i < argv.Count; i++)
        {
            string a = argv[i];
            if (a is "--noreserve") { noreserve = true; continue; }
            if (a is "--readonly") { ro = true; continue; }
            if (a is "--hugepage") { huge = true; continue; }
            if (i + 1 >= argv.Count) return $"{a} needs a value";
            string v = argv[++i];
            switch (a)
            {
                case "--map": if (!TaskArgs.TryParseSize(v, out map) || map == 0) return $"bad size '{v}' for --map (e.g. 64M, 1G)"; break;
                case "--write": if (!TaskArgs.TryParseSize(v, out touch)) return $"bad size '{v}' for --write"; write = true; break;
                case "--read": if (!TaskArgs.TryParseSize(v, out touch)) return $"bad size '{v}' for --read"; read = true; break;
                case "--stride": if (!TaskArgs.TryParseSize(v, out stride) || stride == 0) return $"bad size '{v}' for --stride"; break;
                case "--spacing": if (!TaskArgs.TryParseSize(v, out spacing) || spacing == 0) return $"bad size '{v}' for --spacing"; break;
                case "--regions": if (!int.TryParse(v, out regions) || regions is < 1 or > 4096) return $"--regions takes 1..4096, not '{v}'"; break;
                case "--adj": if (!int.TryParse(v, out adj) || adj is < -1000 or > 1000) return $"--adj takes -1000..1000, not '{v}'"; break;
                default: return $"unknown option '{a}'";
            }
        }
        if (read && write) return "--write and --read exclude each other";
        if (ro && write) return "--readonly mappings cannot be written; use --read";
        if (map == 0 && (touch > 0 || stride > 0 || regions > 1 || spacing > 0)) return "say how big each mapping is with --map SIZE";
        if (touch > map) return $"cannot touch {touch} bytes of a {map}-byte mapping; use grow to touch more later";
        if (spacing > 0 && spacing < Engine.Units.PageAlign(map)) return "--spacing must be at least the --map size";
        spec = new LabProgramSpec(map, touch, read, stride, regions, spacing, noreserve, ro, huge);
        return null;
    }
}
