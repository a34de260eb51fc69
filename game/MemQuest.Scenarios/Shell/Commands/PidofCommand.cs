// pidof NAME...: the pids of processes with that comm, newest first; exit 1 if there are none.
namespace MemQuest.Scenarios.Shell.Commands;

public sealed class PidofCommand : IShellCommand
{
    public string Name => "pidof";
    public string Synopsis => "pidof NAME                  pids of a program, e.g. echo -500 > /proc/$(pidof postgres)/oom_score_adj";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count < 2) return ShellResult.Fail("");
        var pids = context.Machine.Processes.ByPid
            .Where(p => !p.Exiting && argv.Skip(1).Any(n => n == p.Comm))
            .Select(p => p.Pid).OrderDescending().ToList();
        return pids.Count == 0 ? ShellResult.Fail("") : ShellResult.Ok(string.Join(' ', pids) + "\n");
    }
}
