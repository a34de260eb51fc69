// A player's ticket: the event, their name, team and bracket, their seed per incident, and the rules
// the player's game enforces (hints on or off and their cost, attempts per incident, the UTC window
// whose end also unlocks par and debriefs), signed by the organiser (HMAC-SHA256 over the canonical
// JSON of every other field).
namespace MemQuest.Scenarios.Events;

public sealed record Ticket(string EventId, string Player, string Team, string Bracket, IReadOnlyList<TicketSeed> Seeds, EventRules Rules, string Signature)
{
    public bool HintsAllowed => Rules.HintsAllowed;
    public DateTimeOffset EndUtc => Rules.EndUtc;

    public ulong? SeedFor(string incident) => Seeds.FirstOrDefault(s => s.Incident == incident)?.Seed;
}
