// Every objective and losing condition uses a known check with valid arguments.
using MemQuest.Scenarios.Judging;
using MemQuest.Scenarios.Model;

namespace MemQuest.Scenarios.Content.Lint;

public sealed class ChecksAreKnown : ILintRule
{
    public IEnumerable<ContentError> Check(ScenarioDefinition s, ContentCatalog catalog) =>
        s.Objectives.Select(o => o.Check).Concat(s.LoseIf.Select(l => l.Check))
            .Select(c => (c, ConditionCatalog.TryCreate(c).Error))
            .Where(x => x.Error is not null)
            .Select(x => ContentError.At(x.c.Pos, x.Error!));
}
