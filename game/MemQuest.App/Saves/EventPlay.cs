// A joined event as the game plays it: the ticket stored in the save, read back and checked, and
// the rules the player's side applies from it (the player's seed per incident, hints on or off and
// their cost, the attempts per incident, the UTC window). Attempts are counted as the judge counts
// them: every run of the incident kept in the save (finished, or abandoned by starting afresh) that
// finished inside the window.
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

    public EventRules Rules => Ticket.Rules;

    public IReadOnlyList<string> Incidents => Ticket.Seeds.Select(s => s.Incident).ToList();

    /// <summary>Refuses buying a hint when the event has hints off (a run that bought one would not count).</summary>
    public string? Refuse(string line)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return !Ticket.HintsAllowed && words is ["hint", "buy", ..]
            ? $"hints are off in the event {EventId}: a run that buys one is not counted"
            : null;
    }

    /// <summary>The attempts the runs in <paramref name="runs"/> (one incident's, from the save) used.</summary>
    public int AttemptsUsed(IEnumerable<RunDocument> runs) =>
        runs.Count(r => Rules.UsesAttempt(new DateTimeOffset(DateTime.SpecifyKind(r.FinishedUtc, DateTimeKind.Utc))));

    /// <summary>"1/3" (used of the limit), or "1" when the event sets no limit.</summary>
    public string AttemptsLabel(int used) => Rules.Attempts == 0 ? $"{used}" : $"{used}/{Rules.Attempts}";

    /// <summary>Why the event's incidents do not start now (before the window opens, after it closes); null while it is open.</summary>
    public string? WindowRefusal(DateTimeOffset now) => Rules.WindowAt(now) switch
    {
        EventWindow.NotOpen => $"{EventId} opens at {Utc(Rules.StartUtc)} UTC: its incidents start then.",
        EventWindow.Closed => $"{EventId} closed at {Utc(Rules.EndUtc)} UTC: its incidents no longer start. Send your runs with 'memquest event submit' (the organiser's judge decides whether a late submission counts).",
        _ => null,
    };

    /// <summary>Why a new attempt may not start: the window, or no attempts left (an unfinished run, which
    /// a new attempt would abandon, counts as one). Null when it may.</summary>
    public string? StartRefusal(DateTimeOffset now, int used, bool unfinished)
    {
        if (WindowRefusal(now) is { } closed) return closed;
        if (Rules.AttemptsLeft(used) is not { } left) return null;
        if (left == 0) return $"No attempts left: {EventId} allows {Rules.Attempts} per incident and you used {used} (finished or abandoned runs).";
        if (left == 1 && unfinished) return "Your unfinished run is your last attempt: a new one would abandon it. Continue it from the title screen.";
        return null;
    }

    /// <summary>While the event runs, par and the debrief's root cause stay hidden (game-design §3); null once it ended.</summary>
    public string? ParLocked(DateTimeOffset now) =>
        now > Ticket.EndUtc ? null : $"Par, the root cause and the postmortem unlock when {EventId} ends ({Utc(Ticket.EndUtc)} UTC).";

    /// <summary>What the console says when the incident starts: whose seed, the rules, the window.</summary>
    public IEnumerable<string> Notes(DateTimeOffset now, int used)
    {
        string hints = !Rules.HintsAllowed ? "off" : $"on at {Rules.HintCostPercent}% of their cost";
        string attempts = Rules.Attempts == 0 ? "no limit on attempts" : $"attempt {used + 1} of {Rules.Attempts}";
        yield return $"Event {EventId}: you play as {Ticket.Player} ({Ticket.Team}) on your own seed; hints are {hints}; {attempts}.";
        yield return now > Ticket.EndUtc
            ? $"The event ended at {Utc(Ticket.EndUtc)} UTC: this run is kept but the judge will not count it."
            : $"The event ends at {Utc(Ticket.EndUtc)} UTC. Finished runs are kept in your save; send them with 'memquest event submit'.";
    }

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
