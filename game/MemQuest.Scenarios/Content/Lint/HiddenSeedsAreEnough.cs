// Robustness needs at least three hidden seeds, all different and different from the main seed.
using MemQuest.Scenarios.Model;

namespace MemQuest.Scenarios.Content.Lint;

public sealed class HiddenSeedsAreEnough : ILintRule
{
    public const int Minimum = 3;

    public IEnumerable<ContentError> Check(ScenarioDefinition s, ContentCatalog catalog)
    {
        if (s.HiddenSeeds.Count < Minimum)
            yield return new ContentError(s.SourceFile, 1, 1, $"hidden_seeds has {s.HiddenSeeds.Count} seed(s); list at least {Minimum}, e.g. hidden_seeds: [7, 99, 2024]");
        if (s.HiddenSeeds.Distinct().Count() != s.HiddenSeeds.Count || s.HiddenSeeds.Contains(s.Seed))
            yield return new ContentError(s.SourceFile, 1, 1, "hidden_seeds repeat each other or the main seed; make every seed different");
    }
}
