// The organiser's commands: 'event new' writes the event file and its secret; 'event tickets'
// signs one ticket per roster line. Each returns an exit code and says what it wrote.
using MemQuest.App.Cli;
using MemQuest.App.Cli.Incidents;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Events;

public static class EventOrganiser
{
    public static int New(EventDefinition e, string eventFile, TextWriter stdout, TextWriter stderr)
    {
        string secretFile = EventFiles.SecretPath(eventFile);
        if (File.Exists(eventFile) || File.Exists(secretFile))
        {
            stderr.Write($"memquest event new: {eventFile} or {secretFile} already exists; pick another --out or remove them\n");
            return ExitCodes.Usage;
        }
        if (EventFile.Read(EventFile.Write(e), out string? error) is null) { stderr.Write($"memquest event new: {error}\n"); return ExitCodes.Usage; }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(eventFile))!);
        EventFiles.WriteSecret(secretFile, EventSecret.Generate());
        File.WriteAllText(eventFile, EventFile.Write(e));
        stdout.Write($"wrote {eventFile} (edit it freely) and {secretFile} (keep it secret: it signs tickets and derives seeds)\n");
        return ExitCodes.Ok;
    }

    /// <summary>Checks that every incident of the event is in the content.</summary>
    public static string? MissingIncident(EventDefinition e, ContentCatalog catalog) =>
        e.Incidents.FirstOrDefault(i => catalog.Find(i) is null) is { } missing
            ? $"incident '{missing}' is not in the content; the content has: {string.Join(", ", catalog.Scenarios.Select(s => s.Id))}"
            : null;

    public static int Tickets(string eventFile, string rosterFile, string outDir, TextWriter stdout, TextWriter stderr)
    {
        EventDefinition? e = EventFiles.ReadEvent(eventFile, stderr);
        EventSecret? secret = e is null ? null : EventFiles.ReadSecret(eventFile, stderr);
        if (e is null || secret is null) return ExitCodes.Usage;
        string? error = "does not exist; pass a CSV with the header 'name,team,bracket'";
        string? text = File.Exists(rosterFile) ? BoundedFile.ReadText(rosterFile, Roster.MaxBytes, out error) : null;
        IReadOnlyList<RosterEntry>? players = text is null ? null : Roster.Parse(text, e, out error);
        if (players is null) { stderr.Write($"memquest event tickets: {rosterFile}: {error}\n"); return ExitCodes.Usage; }
        Directory.CreateDirectory(outDir);
        foreach (RosterEntry p in players)
        {
            string path = Path.Combine(outDir, Roster.TicketFileName(p));
            File.WriteAllText(path, TicketFile.Write(MemQuest.Scenarios.Events.Tickets.Issue(secret, e, p.Name, p.Team, p.Bracket)));
            stdout.Write($"{p.Name} ({p.Team}, {p.Bracket}): {path}\n");
        }
        stdout.Write($"{players.Count} ticket(s); give each player their own file\n");
        return ExitCodes.Ok;
    }
}
