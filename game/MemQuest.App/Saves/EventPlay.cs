// A joined event as the game plays it: the ticket stored in the save, read back and checked, and
// the rules the player's side can apply from it (the player's seed per incident, hints on or off,
// the end of the event's window).
using MemQuest.Persistence.Documents;
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Saves;

public sealed record EventPlay(string EventId, Ticket Ticket)
{
    /// <summary>The stored ticket, or null when it no longer reads (then <paramref name="error"/> says why).</summary>
    public static EventPlay? From(JoinedEventDocument doc, out string? error)
    {
        Ticket? t = TicketFile.Read(doc.TicketJson, out error);
        return t is null ? null : new EventPlay(doc.EventId, t);
    }

    public IReadOnlyList<string> Incidents => Ticket.Seeds.Select(s => s.Incident).ToList();

    /// <summary>Refuses buying a hint when the event has hints off (a run that bought one would not count).</summary>
    public string? Refuse(string line)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return !Ticket.HintsAllowed && words is ["hint", "buy", ..]
            ? $"hints are off in the event {EventId}: a run that buys one is not counted"
            : null;
    }

    /// <summary>While the event runs, par and the debrief's root cause stay hidden (game-design §3); null once it ended.</summary>
    public string? ParLocked(DateTimeOffset now) =>
        now > Ticket.EndUtc ? null : $"Par, the root cause and the postmortem unlock when {EventId} ends ({Ticket.EndUtc:yyyy-MM-dd HH:mm} UTC).";

    /// <summary>What the console says when the incident starts: whose seed, the rules, the window.</summary>
    public IEnumerable<string> Notes(DateTimeOffset now)
    {
        yield return $"Event {EventId}: you play as {Ticket.Player} ({Ticket.Team}) on your own seed; hints are {(Ticket.HintsAllowed ? "on" : "off")}.";
        yield return now > Ticket.EndUtc
            ? $"The event ended at {Ticket.EndUtc:yyyy-MM-dd HH:mm} UTC: this run is kept but the judge will not count it."
            : $"The event ends at {Ticket.EndUtc:yyyy-MM-dd HH:mm} UTC. Finished runs are kept in your save; send them with 'memquest event submit'.";
    }
}
