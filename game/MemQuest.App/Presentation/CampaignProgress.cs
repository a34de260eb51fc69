// What the player has done in the campaign: best score and stars per incident, and skips. The
// screens read and change this; SavedCampaign fills it from the save and writes every change
// (reset, skip) back through the Forgotten and Skipped events.
namespace MemQuest.App.Presentation;

public sealed class CampaignProgress
{
    private readonly Dictionary<string, (int Best, int Stars)> _results = new(StringComparer.Ordinal);
    private readonly HashSet<string> _skipped = new(StringComparer.Ordinal);

    /// <summary>An incident (or, with null, everything) was reset by the player.</summary>
    public event Action<string?>? Forgotten;

    /// <summary>The player skipped an incident.</summary>
    public event Action<string>? Skipped;

    public (int Best, int Stars)? ResultOf(string id) => _results.TryGetValue(id, out var r) ? r : null;
    public bool IsSolved(string id) => _results.TryGetValue(id, out var r) && r.Stars > 0;
    public bool IsSkipped(string id) => _skipped.Contains(id);

    public void Record(string id, int score, int stars)
    {
        var old = ResultOf(id);
        _results[id] = (Math.Max(score, old?.Best ?? 0), Math.Max(stars, old?.Stars ?? 0));
    }

    public void Skip(string id)
    {
        _skipped.Add(id);
        Skipped?.Invoke(id);
    }

    public void Reset(string id)
    {
        _results.Remove(id);
        _skipped.Remove(id);
        Forgotten?.Invoke(id);
    }

    public void ResetAll()
    {
        _results.Clear();
        _skipped.Clear();
        Forgotten?.Invoke(null);
    }

    /// <summary>Marks an incident skipped without raising Skipped (loading from the save).</summary>
    public void LoadSkip(string id) => _skipped.Add(id);
}
