// Issues and verifies tickets. Verification recomputes the signature and every seed from the
// secret, so an edited name, team, bracket or seed is caught.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MemQuest.Scenarios.Events;

public static class Tickets
{
    public static Ticket Issue(EventSecret secret, EventDefinition e, string player, string team, string bracket)
    {
        var seeds = e.Incidents.Select(i => new TicketSeed(i, SeedVariant.Derive(secret, e.Id, player, i))).ToList();
        var unsigned = new Ticket(e.Id, player, team, bracket, seeds, e.Rules, "");
        return unsigned with { Signature = Sign(secret, unsigned) };
    }

    /// <summary>Null when the ticket is genuine for this event; otherwise the reason.</summary>
    public static string? Verify(EventSecret secret, EventDefinition e, Ticket t)
    {
        if (t.EventId != e.Id) return $"the ticket is for event '{t.EventId}', not '{e.Id}'";
        byte[] want = Convert.FromHexString(Sign(secret, t));
        byte[] have = t.Signature.Length == want.Length * 2 && t.Signature.All(Uri.IsHexDigit) ? Convert.FromHexString(t.Signature) : [];
        if (!CryptographicOperations.FixedTimeEquals(want, have)) return "the ticket's signature does not match: it was edited or not issued by this event's organiser";
        if (!e.Brackets.Contains(t.Bracket)) return $"the ticket's bracket '{t.Bracket}' is not one of this event's";
        foreach (string incident in e.Incidents)
            if (t.SeedFor(incident) != SeedVariant.Derive(secret, e.Id, t.Player, incident)) return $"the ticket's seed for {incident} is not this player's seed variant";
        return null;
    }

    /// <summary>The bytes the signature covers: compact JSON of every field but the signature.</summary>
    public static byte[] CanonicalBytes(Ticket t)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("format", TicketFile.Format);
            w.WriteString("eventId", t.EventId);
            w.WriteString("player", t.Player);
            w.WriteString("team", t.Team);
            w.WriteString("bracket", t.Bracket);
            w.WriteStartArray("seeds");
            foreach (TicketSeed s in t.Seeds) { w.WriteStartObject(); w.WriteString("incident", s.Incident); w.WriteNumber("seed", s.Seed); w.WriteEndObject(); }
            w.WriteEndArray();
            w.WriteBoolean("hints", t.Rules.HintsAllowed);
            w.WriteNumber("hintCostPercent", t.Rules.HintCostPercent);
            w.WriteNumber("attempts", t.Rules.Attempts);
            w.WriteString("startUtc", EventFile.Utc(t.Rules.StartUtc));
            w.WriteString("endUtc", EventFile.Utc(t.Rules.EndUtc));
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string Sign(EventSecret secret, Ticket t)
    {
        byte[] body = CanonicalBytes(t);
        byte[] tagged = [.. Encoding.UTF8.GetBytes("ticket\n"), .. body];
        return Convert.ToHexString(secret.Mac(tagged)).ToLowerInvariant();
    }
}
