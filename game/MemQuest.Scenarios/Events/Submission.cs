// What a player sends the organiser: who they are, their ticket, when they submitted, and every
// event run's log. No scores are trusted from it.
namespace MemQuest.Scenarios.Events;

public sealed record Submission(string Player, string Team, DateTimeOffset SubmittedUtc, Ticket Ticket, IReadOnlyList<SubmittedRun> Runs);
