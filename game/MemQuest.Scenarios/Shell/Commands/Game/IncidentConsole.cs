// What the game's commands share: the incident behind the console, and the journal line format
// ("Nov 24 03:12:05 box postgres[4242]: text").
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Shell.Commands.Game;

internal static class IncidentConsole
{
    public const string Hostname = "box";

    /// <summary>The incident, or a result saying the command needs one.</summary>
    public static IncidentState? Get(ShellContext context, string command, out ShellResult? error)
    {
        error = context.Incident is null ? ShellResult.Unknown($"{command}: only available inside an incident ('memquest play ID')") : null;
        return context.Incident;
    }

    public static string JournalLine(IncidentState incident, string ident, JournalEntry e) =>
        $"Nov 24 {incident.Clock.At(e.Tick)} {Hostname} {(e.Pid == 0 ? "systemd[1]" : $"{ident}[{e.Pid}]")}: {e.Text}\n";
}
