// Scenario numbers go in steps of 10 (010, 020, ...) so a new incident fits between two others.
using MemQuest.Scenarios.Model;

namespace MemQuest.Scenarios.Content.Lint;

public sealed class CurriculumNumbersHaveGaps : ILintRule
{
    public IEnumerable<ContentError> Check(ScenarioDefinition s, ContentCatalog catalog)
    {
        if (s.Number % 10 != 0)
            yield return new ContentError(s.SourceFile, 1, 1, $"scenario number {s.Number:D3} is not a multiple of 10; renumber the file (e.g. {(s.Number / 10 + 1) * 10:D3}-{s.Id}.yaml)");
        if (catalog.Scenarios.Any(o => o != s && o.Number == s.Number))
            yield return new ContentError(s.SourceFile, 1, 1, $"another scenario also has number {s.Number:D3}; give each file its own number");
    }
}
