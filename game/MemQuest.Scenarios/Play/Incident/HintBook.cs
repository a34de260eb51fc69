// The staged hints of one incident: bought in order, each charged once against this incident's
// score; re-reading a bought hint is free.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Play.Incident;

public sealed class HintBook(IReadOnlyList<Hint> hints)
{
    public IReadOnlyList<Hint> Hints { get; } = hints;
    public int Bought { get; private set; }
    public int CostSoFar => Hints.Take(Bought).Sum(h => h.Cost);

    /// <summary>Buy the next stage; null when every stage is bought.</summary>
    public Hint? BuyNext()
    {
        if (Bought >= Hints.Count) return null;
        return Hints[Bought++];
    }
}
