// The event file as YAML: written by 'memquest event new', read strictly (unknown keys, missing
// fields and bad values are errors that say what to write instead).
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MemQuest.Scenarios.Content.Reading;

namespace MemQuest.Scenarios.Events;

public static partial class EventFile
{
    public const string Format = "memquest-event/1";

    public static string Write(EventDefinition e)
    {
        var b = new StringBuilder();
        b.Append($"format: {Format}\nid: {e.Id}\ntitle: {Quote(e.Title)}\n");
        b.Append($"incidents: [{string.Join(", ", e.Incidents)}]\n");
        b.Append("rules:\n");
        b.Append($"  hints: {(e.Rules.HintsAllowed ? "true" : "false")}\n");
        b.Append($"  hint_cost_percent: {e.Rules.HintCostPercent}\n");
        b.Append($"  start_utc: {Utc(e.Rules.StartUtc)}\n  end_utc: {Utc(e.Rules.EndUtc)}\n");
        b.Append($"  attempts: {e.Rules.Attempts}\n");
        b.Append($"brackets: [{string.Join(", ", e.Brackets)}]\n");
        b.Append($"team_scoring: {(e.TeamScoring == TeamScoring.SumOfMembersBest ? "sum_of_members_best" : "best_per_incident")}\n");
        return b.ToString();
    }

    /// <summary>The event, or null with the reason in <paramref name="error"/>.</summary>
    public static EventDefinition? Read(string yaml, out string? error)
    {
        Document? d = StrictYaml.Deserialize<Document>(yaml, "see 'memquest event new' for the keys an event file has", out error);
        if (error is not null) return null;
        error = Check(d);
        if (error is not null) return null;
        var rules = new EventRules(d!.Rules!.Hints, d.Rules.HintCostPercent, Time(d.Rules.StartUtc)!.Value, Time(d.Rules.EndUtc)!.Value, d.Rules.Attempts);
        TeamScoring scoring = d.TeamScoring == "best_per_incident" ? TeamScoring.BestPerIncident : TeamScoring.SumOfMembersBest;
        return new EventDefinition(d.Id!, d.Title!, d.Incidents!, rules, d.Brackets!, scoring);
    }

    /// <summary>Ids of events, incidents, brackets and teams: lower-case letters, digits and dashes.</summary>
    public static bool IsId(string? s) => s is not null && IdPattern().IsMatch(s);

    private static string? Check(Document? d)
    {
        if (d is null) return "the file is empty; write one with 'memquest event new'";
        if (d.Format != Format) return $"format is '{d.Format}', expected '{Format}'";
        if (!IsId(d.Id)) return "id must be 1-64 lower-case letters, digits or dashes";
        if (string.IsNullOrWhiteSpace(d.Title) || d.Title.Length > 200) return "title must be 1-200 characters";
        if (d.Incidents is not { Count: > 0 } || !d.Incidents.All(IsId)) return "incidents must list at least one incident id";
        if (d.Incidents.Distinct().Count() != d.Incidents.Count) return "incidents lists an incident twice";
        if (d.Brackets is not { Count: > 0 } || !d.Brackets.All(IsId) || d.Brackets.Distinct().Count() != d.Brackets.Count) return "brackets must list at least one distinct bracket id (e.g. [open])";
        if (d.Rules is null) return "rules is missing";
        if (d.Rules.HintCostPercent is < 0 or > 1000) return "rules.hint_cost_percent must be 0-1000";
        if (d.Rules.Attempts < 0) return "rules.attempts must be 0 (no limit) or more";
        DateTimeOffset? start = Time(d.Rules.StartUtc), end = Time(d.Rules.EndUtc);
        if (start is null || end is null) return "rules.start_utc and rules.end_utc must be UTC times like 2026-11-24T09:00:00Z";
        if (end <= start) return "rules.end_utc must be after rules.start_utc";
        if (d.TeamScoring is not ("sum_of_members_best" or "best_per_incident")) return "team_scoring must be sum_of_members_best or best_per_incident";
        return null;
    }

    public static DateTimeOffset? Time(string? s) =>
        s is not null && s.EndsWith('Z') && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTimeOffset t) ? t : null;

    public static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    private sealed class Document
    {
        public string? Format { get; set; }
        public string? Id { get; set; }
        public string? Title { get; set; }
        public List<string>? Incidents { get; set; }
        public RulesDocument? Rules { get; set; }
        public List<string>? Brackets { get; set; }
        public string? TeamScoring { get; set; }
    }

    private sealed class RulesDocument
    {
        public bool Hints { get; set; }
        public int HintCostPercent { get; set; } = 100;
        public string? StartUtc { get; set; }
        public string? EndUtc { get; set; }
        public int Attempts { get; set; }
    }
}
