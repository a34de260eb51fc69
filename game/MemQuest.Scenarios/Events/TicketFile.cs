// A ticket as a JSON file (the canonical fields plus the signature), read strictly.
using System.Text.Json;

namespace MemQuest.Scenarios.Events;

public static class TicketFile
{
    public const string Format = "memquest-ticket/2";
    /// <summary>Tickets before the rules were carried: hints and the end only.</summary>
    public const string OldFormat = "memquest-ticket/1";
    public const int MaxBytes = 64 * 1024;

    public static string Write(Ticket t) => JsonSerializer.Serialize(ToDocument(t), StrictJson.Options) + "\n";

    internal static Document ToDocument(Ticket t) =>
        new(Format, t.EventId, t.Player, t.Team, t.Bracket, t.Seeds.Select(s => new SeedDocument(s.Incident, s.Seed)).ToList(), t.Rules.HintsAllowed, t.Rules.HintCostPercent, t.Rules.Attempts, EventFile.Utc(t.Rules.StartUtc), EventFile.Utc(t.Rules.EndUtc), t.Signature);

    /// <summary>The ticket, or null with the reason in <paramref name="error"/>.</summary>
    public static Ticket? Read(string json, out string? error)
    {
        Document? d = StrictJson.Parse<Document>(json, "ticket", out error);
        return d is null ? null : FromDocument(d, out error);
    }

    internal static Ticket? FromDocument(Document d, out string? error)
    {
        error = Check(d);
        return error is null ? new Ticket(d.EventId!, d.Player!, d.Team!, d.Bracket!, d.Seeds!.Select(s => new TicketSeed(s.Incident!, s.Seed)).ToList(), new EventRules(d.Hints, d.HintCostPercent, EventFile.Time(d.StartUtc)!.Value, EventFile.Time(d.EndUtc)!.Value, d.Attempts), d.Signature!) : null;
    }

    /// <summary>Player names: 1-64 characters, no control characters, no leading or trailing space.</summary>
    public static bool IsPlayerName(string? s) => s is { Length: > 0 and <= 64 } && !s.Any(char.IsControl) && s.Trim() == s;

    private static string? Check(Document d)
    {
        if (d.Format == OldFormat) return $"the ticket is in the older format '{OldFormat}', which does not carry the event's rules (hint cost, attempts, start): ask the organiser for a new ticket";
        if (d.Format != Format) return $"ticket format is '{d.Format}', expected '{Format}'";
        if (!EventFile.IsId(d.EventId)) return "the ticket's eventId is missing or not an id";
        if (!IsPlayerName(d.Player)) return "the ticket's player must be 1-64 printable characters";
        if (!EventFile.IsId(d.Team)) return "the ticket's team must be an id (lower-case letters, digits, dashes)";
        if (!EventFile.IsId(d.Bracket)) return "the ticket's bracket must be an id";
        if (d.Seeds is not { Count: > 0 and <= 100 } || d.Seeds.Any(s => !EventFile.IsId(s.Incident))) return "the ticket's seeds must list 1-100 incidents";
        if (d.HintCostPercent is < 0 or > 1000) return "the ticket's hintCostPercent must be 0-1000";
        if (d.Attempts < 0) return "the ticket's attempts must be 0 (no limit) or more";
        if (EventFile.Time(d.StartUtc) is not { } start || EventFile.Time(d.EndUtc) is not { } end) return "the ticket's startUtc and endUtc must be UTC times";
        if (end <= start) return "the ticket's endUtc must be after its startUtc";
        if (d.Signature is not { Length: 64 }) return "the ticket's signature must be 64 hex digits";
        return null;
    }

    internal sealed record Document(string? Format, string? EventId, string? Player, string? Team, string? Bracket, List<SeedDocument>? Seeds, bool Hints, int HintCostPercent, int Attempts, string? StartUtc, string? EndUtc, string? Signature);

    internal sealed record SeedDocument(string? Incident, ulong Seed);
}
