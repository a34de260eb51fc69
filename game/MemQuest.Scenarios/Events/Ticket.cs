// A player's ticket: the event, their name, team and bracket, their seed per incident, and the rules
// the player's game needs (hints on or off, when the event ends and par and debriefs unlock), signed
// by the organiser (HMAC-SHA256 over the canonical JSON of every other field).
namespace MemQuest.Scenarios.Events;

public sealed record Ticket(string EventId, string Player, string Team, string Bracket, IReadOnlyList<TicketSeed> Seeds, bool HintsAllowed, DateTimeOffset EndUtc, string Signature)
{
    public ulong? SeedFor(string incident) => Seeds.FirstOrDefault(s => s.Incident == incident)?.Seed;
}
