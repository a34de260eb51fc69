// One content rule (OpenRA Lint/): checks a loaded scenario against the catalog and says, with
// positions, what is wrong and what to do. Each rule is one file; LintRules lists them.
using MemQuest.Scenarios.Model;

namespace MemQuest.Scenarios.Content.Lint;

public interface ILintRule
{
    IEnumerable<ContentError> Check(ScenarioDefinition s, ContentCatalog catalog);
}
