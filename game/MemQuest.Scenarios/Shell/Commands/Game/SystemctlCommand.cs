// systemctl status|start|stop|restart UNIT, set-environment [UNIT] VAR=VALUE..., unset-environment,
// show-environment: systemd's view of the incident's services, with systemctl's own messages.
using System.Text;
using MemQuest.Engine;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Shell.Commands.Game;

public sealed class SystemctlCommand : IShellCommand
{
    public string Name => "systemctl";
    public string Synopsis => "systemctl status|start|stop|restart UNIT | set-environment [UNIT] VAR=VALUE   manage services";
    public bool LabOnly => false;
    public bool GameOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        IncidentState? incident = IncidentConsole.Get(context, Name, out ShellResult? error);
        if (incident is null) return error!;
        if (argv.Count < 2) return ShellResult.Ok(ListUnits(incident));
        string verb = argv[1];
        if (verb is "set-environment" or "unset-environment" or "show-environment") return Environment(incident, argv);
        if (verb is not ("status" or "start" or "stop" or "restart")) return ShellResult.Fail($"Unknown command verb '{verb}'.\n");
        if (argv.Count < 3) return ShellResult.Fail("Too few arguments.\n");
        var sb = new StringBuilder();
        foreach (string name in argv.Skip(2))
        {
            WorkloadProcess? p = incident.Services.Find(name);
            string unit = name.EndsWith(".service", StringComparison.Ordinal) ? name : name + ".service";
            if (p is null || !p.IsService)
                return verb == "status"
                    ? ShellResult.Fail($"Unit {unit} could not be found.\n", 4, sb.ToString())
                    : ShellResult.Fail($"Failed to {verb} {unit}: Unit {unit} not found.\n", 5, sb.ToString());
            long tick = context.Machine.Tick;
            switch (verb)
            {
                case "status": sb.Append(Status(context.Machine, incident, p)); break;
                case "start": incident.Services.Start(p, tick); break;
                case "stop": incident.Services.Stop(p, tick); break;
                default: incident.Services.Restart(p, tick); break;
            }
        }
        return verb == "status" && argv.Skip(2).Select(incident.Services.Find).Any(p => p is not { Running: true })
            ? ShellResult.Fail("", 3, sb.ToString())
            : ShellResult.Ok(sb.ToString());
    }

    private static string ListUnits(IncidentState incident)
    {
        var sb = new StringBuilder("  UNIT                      LOAD   ACTIVE   SUB     DESCRIPTION\n");
        foreach (WorkloadProcess p in incident.Services.Services)
            sb.Append($"  {p.Unit + ".service",-25} loaded {Active(p),-8} {Sub(p),-7} {p.Workload.Description}\n");
        return sb.ToString();
    }

    private static string Status(Machine m, IncidentState incident, WorkloadProcess p)
    {
        var sb = new StringBuilder();
        sb.Append($"{(p.Running ? "●" : "○")} {p.Unit}.service - {p.Name} ({p.Workload.Id})\n");
        sb.Append($"     Loaded: loaded (/etc/systemd/system/{p.Unit}.service; enabled; preset: enabled)\n");
        long ago = (m.Tick - p.StateSinceTick) / 10;
        string result = p.ExitReason is null ? "" : $" (Result: {p.ExitReason})";
        sb.Append($"     Active: {Active(p)} ({Sub(p)}){result} since {incident.Clock.At(p.StateSinceTick)}; {ago}s ago\n");
        if (p.Running)
        {
            long rssKb = Units.K(m.Processes.Find(p.Pid)?.Mm?.RssPages ?? 0);
            sb.Append($"   Main PID: {p.Pid} ({p.Name})\n");
            sb.Append($"     Memory: {rssKb / 1024.0:F1}M\n");
        }
        if (p.Environment.Count > 0) sb.Append($"Environment: {string.Join(' ', p.Environment.Select(kv => $"{kv.Key}={kv.Value}"))}\n");
        sb.Append('\n');
        foreach (JournalEntry e in p.Journal.TakeLast(10)) sb.Append(IncidentConsole.JournalLine(incident, p.Name, e));
        return sb.ToString();
    }

    private static string Active(WorkloadProcess p) => p.State switch
    {
        UnitState.Active => "active",
        UnitState.Activating => "activating",
        UnitState.Failed => "failed",
        _ => "inactive",
    };

    private static string Sub(WorkloadProcess p) => p.State switch
    {
        UnitState.Active => "running",
        UnitState.Activating => p.ExitReason is null ? "start" : "auto-restart",
        UnitState.Failed => "failed",
        _ => "dead",
    };

    private static ShellResult Environment(IncidentState incident, IReadOnlyList<string> argv)
    {
        var env = incident.Services.ManagerEnvironment;
        if (argv[1] == "show-environment") return ShellResult.Ok(string.Concat(env.Select(kv => $"{kv.Key}={kv.Value}\n")));
        var words = argv.Skip(2).ToList();
        if (words.Count > 0 && !words[0].Contains('=') && argv[1] == "set-environment")
        {
            WorkloadProcess? p = incident.Services.Find(words[0]);
            if (p is null || !p.IsService) return ShellResult.Fail($"Unit {words[0]}.service not found.\n", 5);
            env = p.Environment;
            words.RemoveAt(0);
        }
        if (words.Count == 0) return ShellResult.Fail("Too few arguments.\n");
        foreach (string w in words)
        {
            int eq = w.IndexOf('=');
            if (argv[1] == "unset-environment") { env.Remove(eq > 0 ? w[..eq] : w); continue; }
            if (eq <= 0) return ShellResult.Fail($"Not a valid environment assignment: {w}\n");
            env[w[..eq]] = w[(eq + 1)..];
        }
        return ShellResult.Ok("");
    }
}
