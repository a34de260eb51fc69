// A submission as JSON, read strictly and bounded: size, run count, commands per run and line
// length are capped; anything else in the file is an error that names the field.
using System.Text.Json;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Events;

public static class SubmissionFile
{
    public const string Format = "memquest-submission/1";
    public const long MaxBytes = 4L * 1024 * 1024;
    public const int MaxRuns = 500, MaxCommandsPerRun = 2000, MaxLineChars = 500;
    public const long MaxTick = 10_000_000;

    public static string Write(Submission s) => JsonSerializer.Serialize(new Document(Format, s.Player, s.Team, EventFile.Utc(s.SubmittedUtc),
        TicketFile.ToDocument(s.Ticket), s.Runs.Select(ToDocument).ToList()), StrictJson.Options) + "\n";

    /// <summary>The submission, or null with the reason in <paramref name="error"/>.</summary>
    public static Submission? Read(string json, out string? error)
    {
        Document? d = StrictJson.Parse<Document>(json, "submission", out error);
        if (d is null) return null;
        error = Check(d);
        if (error is not null) return null;
        Ticket? ticket = TicketFile.FromDocument(d.Ticket!, out error);
        if (ticket is null) return null;
        var runs = new List<SubmittedRun>();
        for (int i = 0; i < d.Runs!.Count; i++)
        {
            error = CheckRun(d.Runs[i]);
            if (error is not null) { error = $"run {i + 1}: {error}"; return null; }
            runs.Add(FromDocument(d.Runs[i]));
        }
        return new Submission(d.Player!, d.Team!, EventFile.Time(d.SubmittedUtc)!.Value, ticket, runs);
    }

    private static string? Check(Document d)
    {
        if (d.Format != Format) return $"format is '{d.Format}', expected '{Format}'; write it with 'memquest event submit'";
        if (!TicketFile.IsPlayerName(d.Player)) return "player must be 1-64 printable characters";
        if (!EventFile.IsId(d.Team)) return "team must be an id";
        if (EventFile.Time(d.SubmittedUtc) is null) return "submittedUtc must be a UTC time like 2026-11-24T09:00:00Z";
        if (d.Ticket is null) return "ticket is missing";
        if (d.Runs is null || d.Runs.Count > MaxRuns) return $"runs must be a list of at most {MaxRuns} runs";
        return null;
    }

    private static string? CheckRun(RunDocument r)
    {
        if (!EventFile.IsId(r.ScenarioId)) return "scenarioId is missing or not an id";
        if (r.ContentDigest is not { Length: > 0 and <= 128 }) return "contentDigest is missing";
        if (r.FinalDigest is not { Length: > 0 and <= 128 }) return "finalDigest is missing";
        if (EventFile.Time(r.FinishedUtc) is null) return "finishedUtc must be a UTC time";
        if (r.Commands is null || r.Commands.Count > MaxCommandsPerRun) return $"commands must be a list of at most {MaxCommandsPerRun}";
        long last = 0;
        foreach (CommandDocument c in r.Commands)
        {
            if (c.Line is null || c.Line.Length > MaxLineChars) return $"a command at tick {c.Tick} has no line or one over {MaxLineChars} characters";
            if (c.Tick < last || c.Tick > MaxTick) return $"command '{c.Line}' at tick {c.Tick} goes back in time or past tick {MaxTick}";
            last = c.Tick;
        }
        return r.EndTick < last || r.EndTick > MaxTick ? $"endTick {r.EndTick} is before the last command or past tick {MaxTick}" : null;
    }

    private static RunDocument ToDocument(SubmittedRun r) => new(r.Log.ScenarioId, r.Log.ContentDigest, r.Log.EngineVersion, r.Log.Seed,
        r.Log.Commands.Select(c => new CommandDocument(c.Tick, c.Line)).ToList(), r.Log.EndTick, r.FinalDigest, EventFile.Utc(r.FinishedUtc), r.ClaimedTotal);

    private static SubmittedRun FromDocument(RunDocument r) => new(
        new SessionLog(r.ScenarioId!, r.ContentDigest!, r.EngineVersion, r.Seed, r.Commands!.Select(c => new LoggedCommand(c.Tick, c.Line!)).ToList(), r.EndTick),
        r.FinalDigest!, EventFile.Time(r.FinishedUtc)!.Value, r.ClaimedTotal);

    private sealed record Document(string? Format, string? Player, string? Team, string? SubmittedUtc, TicketFile.Document? Ticket, List<RunDocument>? Runs);

    private sealed record RunDocument(string? ScenarioId, string? ContentDigest, int EngineVersion, ulong Seed, List<CommandDocument>? Commands,
        long EndTick, string? FinalDigest, string? FinishedUtc, int? ClaimedTotal);

    private sealed record CommandDocument(long Tick, string? Line);
}
