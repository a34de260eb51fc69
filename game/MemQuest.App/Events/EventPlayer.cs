// The player's side: 'event join' keeps the ticket under saves/events/EVENT/, 'event play' plays
// one of its incidents on the ticket's seed and records the run there, 'event submit' gathers
// those runs into one bounded submission file. Event runs live in the saves folder as run files
// (not yet in the LiteDB save: that needs the game screens' play loop).
using MemQuest.App.Cli;
using MemQuest.App.Cli.Incidents;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Events;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.App.Events;

public static class EventPlayer
{
    public static string EventsFolder(string saves) => Path.Combine(saves, "events");

    public static int Join(string ticketFile, string saves, TextWriter stdout, TextWriter stderr)
    {
        Ticket? t = ReadTicket(ticketFile, stderr);
        if (t is null) return ExitCodes.Usage;
        string folder = Path.Combine(EventsFolder(saves), t.EventId);
        Directory.CreateDirectory(Path.Combine(folder, "runs"));
        File.WriteAllText(Path.Combine(folder, "ticket.json"), TicketFile.Write(t));
        stdout.Write($"joined {t.EventId} as {t.Player} ({t.Team}, {t.Bracket}); incidents: {string.Join(", ", t.Seeds.Select(s => s.Incident))}\n");
        stdout.Write($"play one with 'memquest event play INCIDENT --plain', then send the file 'memquest event submit' writes\n");
        return ExitCodes.Ok;
    }

    public static int Play(string contentRoot, string saves, string? eventId, string incident, TextReader stdin, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        string? folder = Joined(saves, eventId, stderr);
        Ticket? t = folder is null ? null : ReadTicket(Path.Combine(folder, "ticket.json"), stderr);
        if (t is null) return ExitCodes.Usage;
        if (!t.HintsAllowed) stdout.Write($"hints are off in {t.EventId}: a run that buys one is not counted\n");
        if (t.SeedFor(incident) is not { } seed) { stderr.Write($"memquest event play: '{incident}' is not part of {t.EventId}; its incidents: {string.Join(", ", t.Seeds.Select(s => s.Incident))}\n"); return ExitCodes.Usage; }
        string stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        string record = Path.Combine(folder!, "runs", $"{incident}-{stamp}.json");
        return PlayCommand.Run(contentRoot, incident, seed, new PlayOutputs(record), stdin, stdout, stderr);
    }

    public static int Submit(string contentRoot, string saves, string? eventId, string? outFile, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        string? folder = Joined(saves, eventId, stderr);
        Ticket? t = folder is null ? null : ReadTicket(Path.Combine(folder, "ticket.json"), stderr);
        ContentCatalog? catalog = t is null ? null : CliContent.Load(contentRoot, stderr, "event submit");
        if (t is null || catalog is null) return ExitCodes.Usage;
        var runs = new List<SubmittedRun>();
        foreach (string path in Directory.EnumerateFiles(Path.Combine(folder!, "runs"), "*.json").Order(StringComparer.Ordinal).Take(SubmissionFile.MaxRuns))
        {
            SubmittedRun? run = LocalRun(path, catalog, stderr);
            if (run is not null) runs.Add(run);
        }
        var submission = new Submission(t.Player, t.Team, clock.GetUtcNow(), t, runs);
        string text = SubmissionFile.Write(submission);
        if (text.Length > SubmissionFile.MaxBytes) { stderr.Write($"memquest event submit: the submission would be {text.Length} bytes, over {SubmissionFile.MaxBytes}; remove some runs from {folder}/runs\n"); return ExitCodes.LostOrFailed; }
        string target = outFile ?? $"{t.EventId}-{Roster.TicketFileName(new RosterEntry(t.Player, t.Team, t.Bracket)).Replace(".ticket.json", "")}.submission.json";
        File.WriteAllText(target, text);
        stdout.Write($"wrote {target}: {runs.Count} run(s) of {t.EventId}; send this file to the organiser\n");
        return ExitCodes.Ok;
    }

    private static SubmittedRun? LocalRun(string path, ContentCatalog catalog, TextWriter stderr)
    {
        string? text = BoundedFile.ReadText(path, SubmissionFile.MaxBytes, out string? error);
        SessionLog? log = text is null ? null : RunFile.Read(text, out error);
        var scenario = log is null ? null : catalog.Find(log.ScenarioId);
        if (log is null || scenario is null) { stderr.Write($"memquest event submit: skipping {path}: {error ?? "its incident is not in this content"}\n"); return null; }
        string digest = Replayer.Run(scenario, log).Digest;
        return new SubmittedRun(log, digest, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero), null);
    }

    /// <summary>The ticket of a joined event (the only one, or the one named), or null after saying why.</summary>
    public static Ticket? JoinedTicket(string saves, string? eventId, TextWriter stderr)
    {
        string? folder = Joined(saves, eventId, stderr);
        return folder is null ? null : ReadTicket(Path.Combine(folder, "ticket.json"), stderr);
    }

    private static string? Joined(string saves, string? eventId, TextWriter stderr)
    {
        string root = EventsFolder(saves);
        string[] joined = Directory.Exists(root) ? Directory.GetDirectories(root).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToArray() : [];
        string? pick = eventId ?? (joined.Length == 1 ? joined[0] : null);
        if (pick is not null && EventFile.IsId(pick) && joined.Contains(pick)) return Path.Combine(root, pick);
        stderr.Write(joined.Length == 0 ? "memquest event: no event joined yet; run 'memquest event join TICKET'\n"
            : $"memquest event: pass --event with one of the joined events: {string.Join(", ", joined)}\n");
        return null;
    }

    private static Ticket? ReadTicket(string path, TextWriter stderr)
    {
        string? error = "does not exist";
        string? text = File.Exists(path) ? BoundedFile.ReadText(path, TicketFile.MaxBytes, out error) : null;
        Ticket? t = text is null ? null : TicketFile.Read(text, out error);
        if (t is null) stderr.Write($"memquest event: {path}: {error}\n");
        return t;
    }
}
