// An incident has a briefing, a debrief, at least one topic and one misconception tag, and its
// losing conditions say why the player lost.
using MemQuest.Scenarios.Model;

namespace MemQuest.Scenarios.Content.Lint;

public sealed class TextsAreWritten : ILintRule
{
    public IEnumerable<ContentError> Check(ScenarioDefinition s, ContentCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(s.Briefing)) yield return new ContentError(s.SourceFile, 1, 1, "the briefing is empty; write the pager alert the player reads first");
        if (string.IsNullOrWhiteSpace(s.Debrief)) yield return new ContentError(s.SourceFile, 1, 1, "the debrief is empty; explain what the kernel did and why the fix works");
        if (s.Topics.Count == 0) yield return new ContentError(s.SourceFile, 1, 1, "no topics; add e.g. topics: [oom, oom_score_adj]");
        if (s.Misconceptions.Count == 0) yield return new ContentError(s.SourceFile, 1, 1, "no misconception tags; add e.g. misconceptions: [cache-is-used-memory]");
        foreach (LosingCondition l in s.LoseIf.Where(l => string.IsNullOrWhiteSpace(l.Reason)))
            yield return ContentError.At(l.Pos, $"losing condition '{l.Id}' has no reason; add the sentence the player reads");
    }
}
