// lsmod: the loaded modules (of this incident) as lsmod prints /proc/modules.
using System.Text;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Shell.Commands.Game;

public sealed class LsmodCommand : IShellCommand
{
    public string Name => "lsmod";
    public string Synopsis => "lsmod                       list loaded kernel modules";
    public bool LabOnly => false;
    public bool GameOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        IncidentState? incident = IncidentConsole.Get(context, Name, out ShellResult? error);
        if (incident is null) return error!;
        if (argv.Count > 1) return ShellResult.Fail("Usage: lsmod\n");
        var sb = new StringBuilder("Module                  Size  Used by\n");
        foreach (var m in incident.Modules.Loaded.Values) sb.Append($"{m.Name,-19} {16384,9}  0\n");
        return ShellResult.Ok(sb.ToString());
    }
}
