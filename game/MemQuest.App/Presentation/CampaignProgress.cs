// What the player has done in the campaign: best score and stars per incident, and skips. Lives in
// memory until the save store is wired in (SaveStore will load and save the same facts).
namespace MemQuest.App.Presentation;

public sealed class CampaignProgress
{
    private readonly Dictionary<string, (int Best, int Stars)> _results = new(StringComparer.Ordinal);
    private readonly HashSet<string> _skipped = new(StringComparer.Ordinal);

    public (int Best, int Stars)? ResultOf(string id) => _results.TryGetValue(id, out var r) ? r : null;
    public bool IsSolved(string id) => _results.TryGetValue(id, out var r) && r.Stars > 0;
    public bool IsSkipped(string id) => _skipped.Contains(id);

    public void Record(string id, int score, int stars)
    {
        var old = ResultOf(id);
        _results[id] = (Math.Max(score, old?.Best ?? 0), Math.Max(stars, old?.Stars ?? 0));
    }

    public void Skip(string id) => _skipped.Add(id);

    public void Reset(string id)
    {
        _results.Remove(id);
        _skipped.Remove(id);
    }

    public void ResetAll()
    {
        _results.Clear();
        _skipped.Clear();
    }
}
