// A run as a JSON file (the portable replay and team submission): a format tag plus the SessionLog.
// Reading checks the format and every field and says what is wrong and what to do.
using System.Text.Json;
using System.Text.Json.Serialization;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Play.Replay;

public static class RunFile
{
    public const string Format = "memquest-run/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Write(SessionLog log) => JsonSerializer.Serialize(new Document(Format, log.ScenarioId, log.ContentDigest, log.EngineVersion, log.Seed,
        log.Commands.Select(c => new Command(c.Tick, c.Line)).ToList(), log.EndTick), Options) + "\n";

    /// <summary>The log, or null with the reason in <paramref name="error"/>.</summary>
    public static SessionLog? Read(string json, out string? error)
    {
        Document? d;
        try { d = JsonSerializer.Deserialize<Document>(json, Options); }
        catch (JsonException e) { error = $"not a run file: {e.Message} (a run file is the JSON that 'memquest play' saves)"; return null; }
        error = Check(d);
        if (error is not null) return null;
        return new SessionLog(d!.ScenarioId!, d.ContentDigest!, d.EngineVersion, d.Seed, d.Commands!.Select(c => new LoggedCommand(c.Tick, c.Line!)).ToList(), d.EndTick);
    }

    private static string? Check(Document? d)
    {
        if (d is null) return "the file is empty or 'null'; use a run file saved by 'memquest play'";
        if (d.Format != Format) return $"format is '{d.Format}', expected '{Format}'; this file was not written by this version of memquest";
        if (string.IsNullOrEmpty(d.ScenarioId)) return "scenarioId is missing; the run file must name its incident";
        if (string.IsNullOrEmpty(d.ContentDigest)) return "contentDigest is missing; the run file must name the content it was played on";
        if (d.Commands is null) return "commands is missing; write [] for a run with no commands";
        long last = 0;
        foreach (Command c in d.Commands)
        {
            if (c.Line is null) return $"a command at tick {c.Tick} has no line";
            if (c.Tick < last) return $"command '{c.Line}' at tick {c.Tick} comes after tick {last}; ticks must not go back";
            last = c.Tick;
        }
        return d.EndTick < last ? $"endTick {d.EndTick} is before the last command's tick {last}" : null;
    }

    private sealed record Document(string? Format, string? ScenarioId, string? ContentDigest, int EngineVersion, ulong Seed, List<Command>? Commands, long EndTick);

    private sealed record Command(long Tick, string? Line);
}
