// 'event debrief INCIDENT': the par solution and the debrief of an event incident, locked until the
// event ends (the end time is on the signed ticket) so nobody reads the answer mid-event.
using System.Globalization;
using MemQuest.App.Cli;
using MemQuest.App.Cli.Incidents;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Events;
using MemQuest.Scenarios.Model;

namespace MemQuest.App.Events;

public static class EventDebrief
{
    public static int Show(string contentRoot, string saves, string? eventId, string incident, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        Ticket? t = EventPlayer.JoinedTicket(saves, eventId, stderr);
        if (t is null) return ExitCodes.Usage;
        if (t.SeedFor(incident) is null) { stderr.Write($"memquest event debrief: '{incident}' is not part of {t.EventId}\n"); return ExitCodes.Usage; }
        if (clock.GetUtcNow() < t.EndUtc)
        {
            stderr.Write($"memquest event debrief: par and the debrief of {incident} unlock when {t.EventId} ends at {EventFile.Utc(t.EndUtc)}\n");
            return ExitCodes.LostOrFailed;
        }
        ContentCatalog? catalog = CliContent.Load(contentRoot, stderr, "event debrief");
        ScenarioDefinition? s = catalog?.Find(incident);
        if (s is null) { stderr.Write($"memquest event debrief: '{incident}' is not in this content\n"); return ExitCodes.Usage; }
        stdout.Write($"{s.Title}\n\npar:\n");
        foreach (ParStep p in s.Par) stdout.Write($"  at {(p.AtTick / 10.0).ToString("0.0", CultureInfo.InvariantCulture)} s: {p.Command}\n");
        stdout.Write($"\n{s.Debrief.TrimEnd()}\n");
        return ExitCodes.Ok;
    }
}
