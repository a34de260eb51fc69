using LiteDB;
using MemQuest.Persistence.Documents;

namespace MemQuest.Persistence;

/// <summary>SaveStore: team events a profile joined (their tickets), and listing unfinished runs.</summary>
public sealed partial class SaveStore
{
    /// <summary>A ticket file is bounded by the App (TicketFile.MaxBytes); this is the save's own cap.</summary>
    public const int TicketMaxChars = 256 * 1024;

    private ILiteCollection<JoinedEventDocument> Events => _db.GetCollection<JoinedEventDocument>(EventsCollection);

    public IReadOnlyList<JoinedEventDocument> ListEvents(int profileId) =>
        Events.Find(Query.EQ("ProfileId", profileId)).OrderBy(e => e.EventId, StringComparer.Ordinal).ToList();

    /// <summary>Stores (or replaces, when joining again with a new ticket) a joined event's ticket.</summary>
    public JoinedEventDocument JoinEvent(int profileId, string eventId, string ticketJson)
    {
        EnsureWritable();
        GetProfile(profileId);
        if (eventId.Length is 0 or > SaveLimits.IdMaxChars)
            throw new SaveException($"The event id '{eventId}' is empty or longer than {SaveLimits.IdMaxChars} characters.");
        if (ticketJson.Length > TicketMaxChars)
            throw new SaveException($"The ticket is {ticketJson.Length} characters, over the limit of {TicketMaxChars}.");
        var doc = new JoinedEventDocument
        {
            Id = ProgressDocument.KeyOf(profileId, eventId),
            ProfileId = profileId,
            EventId = eventId,
            JoinedUtc = Now(),
            TicketJson = ticketJson,
        };
        InTransaction(() => Events.Upsert(doc));
        return doc;
    }

    /// <summary>Every unfinished run of a profile, the most recently saved first.</summary>
    public IReadOnlyList<UnfinishedRunDocument> ListUnfinished(int profileId) =>
        Unfinished.Find(Query.EQ("ProfileId", profileId))
            .OrderByDescending(u => u.SavedUtc).ThenBy(u => u.Id, StringComparer.Ordinal).ToList();
}
