// A failed check must tell the player why: every objective has an `unmet` sentence.
using MemQuest.Scenarios.Model;

namespace MemQuest.Scenarios.Content.Lint;

public sealed class ObjectivesSayWhyTheyFail : ILintRule
{
    public IEnumerable<ContentError> Check(ScenarioDefinition s, ContentCatalog catalog)
    {
        if (s.Objectives.Count == 0)
            yield return new ContentError(s.SourceFile, 1, 1, "the scenario has no objectives; add at least one under 'objectives:'");
        foreach (ObjectiveDefinition o in s.Objectives.Where(o => string.IsNullOrWhiteSpace(o.Unmet)))
            yield return ContentError.At(o.Pos, $"objective '{o.Id}' has no 'unmet' text; add the sentence the player reads when it fails");
        foreach (var dup in s.Objectives.GroupBy(o => o.Id).Where(g => g.Count() > 1))
            yield return ContentError.At(dup.Last().Pos, $"objective id '{dup.Key}' is used twice; give each objective its own id");
    }
}
