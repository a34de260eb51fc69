// valgrind [--leak-check=full] PROGRAM: run a service's binary under memcheck for as long as the
// service has run and print memcheck's heap and leak summaries from its allocation sites.
using System.Text;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Shell.Commands.Game;

public sealed class ValgrindCommand : IShellCommand
{
    public string Name => "valgrind";
    public string Synopsis => "valgrind --leak-check=full PROGRAM   memcheck leak report of a service's binary";
    public bool LabOnly => false;
    public bool GameOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        IncidentState? incident = IncidentConsole.Get(context, Name, out ShellResult? error);
        if (incident is null) return error!;
        bool full = false;
        var program = new List<string>();
        foreach (string a in argv.Skip(1))
        {
            if (program.Count > 0) program.Add(a);
            else if (a is "--leak-check=full" or "--leak-check=yes") full = true;
            else if (a.StartsWith("--", StringComparison.Ordinal)) continue;
            else if (a.StartsWith('-')) return ShellResult.Fail($"valgrind: Bad option: {a}\nvalgrind: Use --help for more information or consult the user manual.\n");
            else program.Add(a);
        }
        if (program.Count == 0) return ShellResult.Fail("valgrind: no program specified\nvalgrind: Use --help for more information.\n");
        WorkloadProcess? p = HeapReport.Target(incident.Services, program[0]);
        if (p is null) return ShellResult.Fail($"valgrind: {program[0]}: No such file or directory\n");
        return ShellResult.Ok(Report(p, full));
    }

    private static string Report(WorkloadProcess p, bool full)
    {
        int id = p.Pid == 0 ? 1 : p.Pid;
        var rows = HeapReport.Rows(p);
        long held = rows.Sum(r => r.Totals.HeldBytes), allocated = rows.Sum(r => r.Totals.AllocatedBytes), calls = rows.Sum(r => r.Totals.Calls);
        long lost = rows.Where(r => r.Leaks).Sum(r => r.Totals.HeldBytes), reachable = held - lost;
        var sb = new StringBuilder($"=={id}== Memcheck, a memory error detector\n=={id}== Command: /usr/sbin/{p.Name}\n=={id}==\n");
        sb.Append($"=={id}== HEAP SUMMARY:\n=={id}==     in use at exit: {held:N0} bytes in {rows.Sum(r => r.Leaks ? r.Totals.Calls : 0)} blocks\n");
        sb.Append($"=={id}==   total heap usage: {calls:N0} allocs, {calls - rows.Where(r => r.Leaks).Sum(r => r.Totals.Calls):N0} frees, {allocated:N0} bytes allocated\n=={id}==\n");
        if (full)
            foreach (var r in rows.Where(r => r.Leaks && r.Totals.HeldBytes > 0))
                sb.Append($"=={id}== {r.Totals.HeldBytes:N0} bytes in {r.Totals.Calls:N0} blocks are definitely lost in loss record 1 of 1\n=={id}==    at 0x4848899: malloc (vg_replace_malloc.c:381)\n=={id}==    by 0x10A2B3: {r.Function} ({r.Where[3..]})\n=={id}==\n");
        sb.Append($"=={id}== LEAK SUMMARY:\n=={id}==    definitely lost: {lost:N0} bytes\n=={id}==    still reachable: {reachable:N0} bytes\n");
        if (!full) sb.Append($"=={id}== Rerun with --leak-check=full to see details of leaked memory\n");
        return sb.ToString();
    }
}
