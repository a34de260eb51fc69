// pidof NAME...: the pids of processes with that name, newest first, on one line (procps pidof);
// exit status 1 and no output when there are none.
namespace MemQuest.Scenarios.Shell.Commands.Tasks;

public sealed class PidofCommand : IShellCommand
{
    public string Name => "pidof";
    public string Synopsis => "pidof NAME...                pids of the processes with that name";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count < 2) return ShellResult.Fail("", 1);
        var pids = new List<int>();
        foreach (string name in argv.Skip(1))
            pids.AddRange(context.Machine.Processes.ByPid.Where(p => p.Comm == name && p.Mm is not null).Select(p => p.Pid).Reverse());
        return pids.Count == 0 ? ShellResult.Fail("", 1) : ShellResult.Ok(string.Join(' ', pids) + "\n");
    }
}
