// journalctl [-u UNIT] [-k] [-n N] [--no-pager]: the services' journal and kernel messages.
using System.Text;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Shell.Commands.Game;

public sealed class JournalctlCommand : IShellCommand
{
    public string Name => "journalctl";
    public string Synopsis => "journalctl -u UNIT [-n N] | journalctl -k   a service's log, or the kernel's";
    public bool LabOnly => false;
    public bool GameOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        IncidentState? incident = IncidentConsole.Get(context, Name, out ShellResult? error);
        if (incident is null) return error!;
        var units = new List<string>();
        bool kernel = false;
        int lines = int.MaxValue;
        for (int i = 1; i < argv.Count; i++)
        {
            string a = argv[i];
            if (a is "-u" or "--unit") { if (++i >= argv.Count) return Missing(a); units.Add(argv[i]); }
            else if (a.StartsWith("--unit=", StringComparison.Ordinal)) units.Add(a[7..]);
            else if (a is "-k" or "--dmesg") kernel = true;
            else if (a is "-n" or "--lines") { if (++i >= argv.Count || !int.TryParse(argv[i], out lines) || lines < 0) return ShellResult.Fail($"Failed to parse lines '{(i < argv.Count ? argv[i] : "")}'\n"); }
            else if (a is "--no-pager" or "-e" or "--pager-end" or "-x" or "-b") continue;
            else return ShellResult.Fail($"journalctl: unrecognized option '{a}'\n");
        }
        var entries = new List<(long Tick, int Order, string Line)>();
        int order = 0;
        if (kernel || units.Count == 0)
            foreach (JournalEntry e in incident.Modules.KernelLog) entries.Add((e.Tick, order++, $"Nov 24 {incident.Clock.At(e.Tick)} {IncidentConsole.Hostname} kernel: {e.Text}\n"));
        if (!kernel)
            foreach (WorkloadProcess p in incident.Services.Processes.Where(p => p.IsService && (units.Count == 0 || units.Any(u => incident.Services.Find(u) == p))))
                foreach (JournalEntry e in p.Journal) entries.Add((e.Tick, order++, IncidentConsole.JournalLine(incident, p.Name, e)));
        var shown = entries.OrderBy(e => e.Tick).ThenBy(e => e.Order).Select(e => e.Line).ToList();
        if (shown.Count == 0) return ShellResult.Ok("-- No entries --\n");
        var sb = new StringBuilder();
        foreach (string line in shown.Skip(Math.Max(0, shown.Count - lines))) sb.Append(line);
        return ShellResult.Ok(sb.ToString());
    }

    private static ShellResult Missing(string option) => ShellResult.Fail($"journalctl: option '{option}' requires an argument\n");
}
