// The player's side: 'event join' stores the ticket in the player's profile in the save (the title
// screen lists it; a copy stays under saves/events/EVENT/ for the line-mode commands), 'event play'
// plays one of its incidents on the ticket's seed in line mode (only inside the event's window and
// while attempts are left, with the event's hint cost) and keeps the run in the save, and
// 'event submit' gathers the event's runs from the save into one bounded submission file. (The
// game's screens play event incidents too and keep their runs in the save the same way.)
using MemQuest.App.Cli;
using MemQuest.App.Cli.Incidents;
using MemQuest.App.Saves;
using MemQuest.Persistence;
using MemQuest.Persistence.Documents;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Events;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;
using MemQuest.Scenarios.Scoring;

namespace MemQuest.App.Events;

public static class EventPlayer
{
    public static string EventsFolder(string saves) => Path.Combine(saves, "events");

    public static int Join(string ticketFile, string saves, TextWriter stdout, TextWriter stderr, string? profile = null, TimeProvider? clock = null)
    {
        Ticket? t = ReadTicket(ticketFile, stderr);
        if (t is null) return ExitCodes.Usage;
        string? who = null;
        int stored = EventSaves.Use(saves, profile, stderr, clock ?? TimeProvider.System, (store, p) =>
        {
            store.JoinEvent(p.Id, t.EventId, TicketFile.Write(t));
            who = p.Name;
            return ExitCodes.Ok;
        });
        if (stored != ExitCodes.Ok) return stored;
        stdout.Write($"kept {t.EventId} in profile '{who}': it is on the title screen of the game\n");
        string folder = Path.Combine(EventsFolder(saves), t.EventId);
        Directory.CreateDirectory(Path.Combine(folder, "runs"));
        File.WriteAllText(Path.Combine(folder, "ticket.json"), TicketFile.Write(t));
        stdout.Write($"joined {t.EventId} as {t.Player} ({t.Team}, {t.Bracket}); incidents: {string.Join(", ", t.Seeds.Select(s => s.Incident))}\n");
        stdout.Write($"play its incidents in the game (title screen: Event: {t.EventId}) or with 'memquest event play INCIDENT --plain', then send the file 'memquest event submit' writes\n");
        return ExitCodes.Ok;
    }

    public static int Play(string contentRoot, string saves, string? eventId, string incident, TextReader stdin, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        string? folder = Joined(saves, eventId, stderr);
        Ticket? t = folder is null ? null : ReadTicket(Path.Combine(folder, "ticket.json"), stderr);
        if (t is null) return ExitCodes.Usage;
        if (!t.HintsAllowed) stdout.Write($"hints are off in {t.EventId}: a run that buys one is not counted\n");
        if (t.SeedFor(incident) is not { } seed) { stderr.Write($"memquest event play: '{incident}' is not part of {t.EventId}; its incidents: {string.Join(", ", t.Seeds.Select(s => s.Incident))}\n"); return ExitCodes.Usage; }
        if (Refusal(saves, t, incident, stderr, clock) is { } refused) { stderr.Write($"memquest event play: {refused}\n"); return ExitCodes.Usage; }
        string stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        string record = Path.Combine(folder!, "runs", $"{incident}-{stamp}.json");
        int played = PlayCommand.Run(contentRoot, incident, seed, new PlayOutputs(record), stdin, stdout, stderr);
        if (File.Exists(record)) KeepInSave(contentRoot, saves, t, record, stdout, stderr, clock);
        return played;
    }

    /// <summary>Why a new attempt may not start now (the window, or no attempts left counting the runs in the save); null when it may.</summary>
    private static string? Refusal(string saves, Ticket t, string incident, TextWriter stderr, TimeProvider clock)
    {
        var ev = new EventPlay(t.EventId, t);
        if (ev.WindowRefusal(clock.GetUtcNow()) is { } closed) return closed;
        if (t.Rules.Attempts == 0) return null;
        int used = 0;
        int read = EventSaves.Use(saves, null, stderr, clock, (store, p) =>
        {
            used = ev.AttemptsUsed(store.ListRuns(p.Id, new PlayKey(incident, t.EventId).Id));
            return ExitCodes.Ok;
        });
        return read != ExitCodes.Ok ? "the attempts used could not be read from the save (see above)" : ev.StartRefusal(clock.GetUtcNow(), used, unfinished: false);
    }

    /// <summary>Moves a line-mode run file into the save (scored like the game scores it); the file stays if the save cannot take it.</summary>
    private static void KeepInSave(string contentRoot, string saves, Ticket ticket, string record, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        ContentCatalog? catalog = CliContent.Load(contentRoot, stderr, "event play");
        string? text = BoundedFile.ReadText(record, SubmissionFile.MaxBytes, out string? error);
        SessionLog? log = text is null ? null : RunFile.Read(text, out error);
        ScenarioDefinitionOrNull(catalog, log, out var scenario);
        if (catalog is null || log is null || scenario is null) { stderr.Write($"memquest event play: the run stays in {record}: {error ?? "its incident is not in this content"}\n"); return; }
        Session session = IncidentFlow.Rebuild(scenario, log);
        SessionOutcome outcome = SessionOutcome.Of(session);
        ScoreCard card = ticket.Rules.Charge(Scorer.Score(scenario, outcome, Scorer.HiddenRuns(scenario, outcome.Log), solutionSeen: false,
            Replayer.Run(scenario, Replayer.ParLog(scenario, catalog.Digest))));
        int kept = EventSaves.Use(saves, null, stderr, clock, (store, p) =>
        {
            store.RecordFinishedRun(p.Id, RunRecords.Finished(new PlayKey(scenario.Id, ticket.EventId), session, card));
            return ExitCodes.Ok;
        });
        if (kept != ExitCodes.Ok) { stderr.Write($"memquest event play: the run stays in {record}; 'event submit' still sends it\n"); return; }
        File.Delete(record);
        stdout.Write($"the run is kept in your save; send it with 'memquest event submit'\n");
    }

    private static void ScenarioDefinitionOrNull(ContentCatalog? catalog, SessionLog? log, out Scenarios.Model.ScenarioDefinition? scenario) =>
        scenario = log is null ? null : catalog?.Find(log.ScenarioId);

    public static int Submit(string contentRoot, string saves, string? eventId, string? outFile, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        string? folder = Joined(saves, eventId, stderr);
        Ticket? t = folder is null ? null : ReadTicket(Path.Combine(folder, "ticket.json"), stderr);
        ContentCatalog? catalog = t is null ? null : CliContent.Load(contentRoot, stderr, "event submit");
        if (t is null || catalog is null) return ExitCodes.Usage;
        var runs = new List<SubmittedRun>();
        int fromSave = EventSaves.Use(saves, null, stderr, clock, (store, p) =>
        {
            foreach (RunDocument r in store.ListRuns(p.Id).Where(r => PlayKey.IsOfEvent(r.IncidentId, t.EventId)).Take(SubmissionFile.MaxRuns))
                runs.Add(new SubmittedRun(RunRecords.ToSessionLog(r.Log), r.FinalStateDigest, new DateTimeOffset(DateTime.SpecifyKind(r.FinishedUtc, DateTimeKind.Utc)), r.Score.Total));
            return ExitCodes.Ok;
        });
        if (fromSave != ExitCodes.Ok) return fromSave;
        string runsFolder = Path.Combine(folder!, "runs");
        foreach (string path in (Directory.Exists(runsFolder) ? Directory.EnumerateFiles(runsFolder, "*.json") : []).Order(StringComparer.Ordinal).Take(SubmissionFile.MaxRuns - runs.Count))
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
