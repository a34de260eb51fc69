// The campaign map's progress read from the save (stars, best score, skips of the current
// profile) with the map's resets and skips written straight back; and the same for one joined
// event, whose plays are saved under their PlayKey.
using MemQuest.App.Presentation;
using MemQuest.Persistence.Documents;

namespace MemQuest.App.Saves;

public static class SavedCampaign
{
    public static CampaignProgress Load(GameSaves saves)
    {
        var progress = new CampaignProgress();
        foreach (ProgressDocument p in saves.Progress().Where(p => p.Solved))
            progress.Record(p.IncidentId, p.BestScore, p.Stars);
        foreach (string id in saves.Skipped()) progress.LoadSkip(id);
        progress.Forgotten += saves.Reset;
        progress.Skipped += saves.Skip;
        return progress;
    }

    /// <summary>One event's results, keyed by the incident's own id (read-only: event runs are never reset from the map).</summary>
    public static CampaignProgress LoadEvent(GameSaves saves, string eventId)
    {
        var progress = new CampaignProgress();
        foreach (ProgressDocument p in saves.Progress().Where(p => p.Solved && PlayKey.IsOfEvent(p.IncidentId, eventId)))
        {
            string scenarioId = p.IncidentId[$"ev.{eventId}.".Length..];
            progress.Record(scenarioId, p.BestScore, p.Stars);
        }
        return progress;
    }
}
