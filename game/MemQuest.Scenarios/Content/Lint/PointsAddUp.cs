// The scoring metrics split exactly 1000 points; hints cost something and together less than the reward.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Model.Costs;

namespace MemQuest.Scenarios.Content.Lint;

public sealed class PointsAddUp : ILintRule
{
    public IEnumerable<ContentError> Check(ScenarioDefinition s, ContentCatalog catalog)
    {
        int total = s.Scoring.Metrics.Sum(m => m.Value);
        if (total != ScoringWeights.Total)
            yield return new ContentError(s.SourceFile, 1, 1, $"scoring splits {total} points; make the metrics add up to {ScoringWeights.Total}");
        if (s.Scoring.PointsFor("headroom") > 0 && s.Scoring.HeadroomTargetKb <= 0)
            yield return new ContentError(s.SourceFile, 1, 1, "scoring names headroom but there is no headroom_target; add e.g. headroom_target: 256M");
        foreach (Hint h in s.Hints.Where(h => h.Cost <= 0))
            yield return ContentError.At(h.Pos, "a hint must cost something; give it a cost of at least 1 point");
        if (s.Hints.Sum(h => h.Cost) >= ScoringWeights.Total)
            yield return new ContentError(s.SourceFile, 1, 1, "the hints together cost the whole reward; lower their costs");
    }
}
