// Which save slot a play belongs to: a campaign incident is saved under its own id; an event's
// incident under "ev.EVENT.INCIDENT", so its runs, progress and unfinished log stay apart from
// the campaign's (the same incident is played on another seed there). Ids use only the
// characters the save's export accepts (a-z, 0-9, '-', '_', '.').
namespace MemQuest.App.Saves;

public sealed record PlayKey(string ScenarioId, string? EventId = null)
{
    private const string EventPrefix = "ev.";

    public string Id => EventId is null ? ScenarioId : $"{EventPrefix}{EventId}.{ScenarioId}";

    /// <summary>The key a stored id and its run's scenario id came from.</summary>
    public static PlayKey Parse(string id, string scenarioId)
    {
        string suffix = "." + scenarioId;
        return id.StartsWith(EventPrefix, StringComparison.Ordinal) && id.EndsWith(suffix, StringComparison.Ordinal) && id.Length > EventPrefix.Length + suffix.Length
            ? new PlayKey(scenarioId, id[EventPrefix.Length..^suffix.Length])
            : new PlayKey(scenarioId);
    }

    /// <summary>True for the ids of any event's plays (not the campaign's).</summary>
    public static bool IsEventId(string id) => id.StartsWith(EventPrefix, StringComparison.Ordinal);

    /// <summary>True for the ids of one event's plays.</summary>
    public static bool IsOfEvent(string id, string eventId) => id.StartsWith($"{EventPrefix}{eventId}.", StringComparison.Ordinal);
}
