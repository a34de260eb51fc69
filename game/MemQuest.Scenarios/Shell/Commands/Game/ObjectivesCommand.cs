// objectives: the incident's objectives, each met or not right now and why.
using System.Text;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Shell.Commands.Game;

public sealed class ObjectivesCommand : IShellCommand
{
    public string Name => "objectives";
    public string Synopsis => "objectives                  what must hold when time is up, and whether it holds now";
    public bool LabOnly => false;
    public bool GameOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        IncidentState? incident = IncidentConsole.Get(context, Name, out ShellResult? error);
        if (incident is null) return error!;
        var sb = new StringBuilder($"time {incident.Clock.At(context.Machine.Tick)}, incident ends at {incident.Clock.At(incident.Scenario.EndTick)}\n");
        foreach (var v in incident.Objectives()) sb.Append($"[{(v.Met ? "x" : " ")}] {v.Id}: {v.Reason}\n");
        return ShellResult.Ok(sb.ToString());
    }
}
