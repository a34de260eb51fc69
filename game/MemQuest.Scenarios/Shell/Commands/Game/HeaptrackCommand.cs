// heaptrack -p PID (or heaptrack PID): attach to a running process and print heaptrack_print's
// summary of its allocation sites: peak consumers, leaked memory, calls.
using System.Text;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Shell.Commands.Game;

public sealed class HeaptrackCommand : IShellCommand
{
    public string Name => "heaptrack";
    public string Synopsis => "heaptrack -p PID            profile a running process's heap by allocation site";
    public bool LabOnly => false;
    public bool GameOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        IncidentState? incident = IncidentConsole.Get(context, Name, out ShellResult? error);
        if (incident is null) return error!;
        string? pidText = argv.Count switch
        {
            2 when !argv[1].StartsWith('-') => argv[1],
            3 when argv[1] is "-p" or "--pid" => argv[2],
            _ => null,
        };
        if (pidText is null) return ShellResult.Fail("Usage: heaptrack [--pid|-p PID] | heaptrack PROGRAM [ARGS...]\n");
        WorkloadProcess? p = int.TryParse(pidText, out int pid) ? incident.Services.FindByPid(pid) : null;
        if (p is null) return ShellResult.Fail($"heaptrack: no process with pid {pidText}; find it with 'systemctl status NAME' or 'pidof NAME'\n");
        return ShellResult.Ok(Report(p));
    }

    private static string Report(WorkloadProcess p)
    {
        var rows = HeapReport.Rows(p);
        var sb = new StringBuilder($"heaptrack output will be written to \"/tmp/heaptrack.{p.Name}.{p.Pid}.zst\"\n");
        sb.Append($"injecting heaptrack into application via GDB, this might take some time...\nheaptrack stats:\n");
        long calls = rows.Sum(r => r.Totals.Calls), leaked = rows.Sum(r => r.Totals.HeldBytes), peak = rows.Sum(r => r.Totals.PeakBytes);
        sb.Append($"\tallocations:          \t{calls}\n\tleaked allocations:   \t{rows.Where(r => r.Leaks).Sum(r => r.Totals.Calls)}\n\n");
        sb.Append("PEAK MEMORY CONSUMERS\n");
        foreach (var r in rows.Where(r => r.Totals.PeakBytes > 0).Take(5))
            sb.Append($"{HeapReport.Bytes(r.Totals.PeakBytes)} peak memory consumed over {r.Totals.Calls} calls from\n{r.Function}\n  {r.Where}\n");
        sb.Append("\nMEMORY LEAKS\n");
        foreach (var r in rows.Where(r => r.Totals.HeldBytes > 0).Take(5))
            sb.Append($"{HeapReport.Bytes(r.Totals.HeldBytes)} leaked over {r.Totals.Calls} calls from\n{r.Function}\n  {r.Where}\n");
        sb.Append($"\ncalls to allocation functions: {calls}\npeak heap memory consumption: {HeapReport.Bytes(peak)}\ntotal memory leaked: {HeapReport.Bytes(leaked)}\n");
        if (p.Context.Ledger.FailedAllocations > 0) sb.Append($"failed allocations: {p.Context.Ledger.FailedAllocations}\n");
        return sb.ToString();
    }
}
