// A player's ticket: the event, their name, team and bracket, and their seed per incident, signed
// by the organiser (HMAC-SHA256 over the canonical JSON of every other field).
namespace MemQuest.Scenarios.Events;

public sealed record Ticket(string EventId, string Player, string Team, string Bracket, IReadOnlyList<TicketSeed> Seeds, string Signature)
{
    public ulong? SeedFor(string incident) => Seeds.FirstOrDefault(s => s.Incident == incident)?.Seed;
}
