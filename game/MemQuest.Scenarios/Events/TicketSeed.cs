// One incident's seed on a ticket.
namespace MemQuest.Scenarios.Events;

public sealed record TicketSeed(string Incident, ulong Seed);
