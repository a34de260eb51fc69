// fork NAME|PID: the process forks (kernel-spec §8.2, §9.1); the child shares its pages copy-on-write.
// In overcommit mode 2 a big parent's fork fails the way Redis's BGSAVE does.
using MemQuest.Engine.Mm;

namespace MemQuest.Scenarios.Shell.Commands.Tasks;

public sealed class ForkCommand : IShellCommand
{
    public string Name => "fork";
    public string Synopsis => "fork NAME|PID                the process forks; prints the child's pid";
    public bool LabOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count != 2) return ShellResult.Usage("fork: name one process (usage: fork NAME|PID)");
        Process? p = TaskArgs.Resolve(context.Machine, argv[1]);
        if (p?.Mm is null) return ShellResult.Fail($"fork: no process '{argv[1]}' (see ps aux)\n");
        Process? child = context.Machine.Mm.Fork(p, out _);
        if (child is null) return ShellResult.Fail("fork: Cannot allocate memory\n");
        return ShellResult.Ok($"[{child.Pid}] {child.Comm} (child of {p.Pid})\n");
    }
}
