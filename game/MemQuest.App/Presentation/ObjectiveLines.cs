// The objectives pane: each objective with its state, in the judge's own words (met: what holds;
// unmet: why not, in incident terms). Pure.
using MemQuest.Scenarios.Judging;

namespace MemQuest.App.Presentation;

public static class ObjectiveLines
{
    public static IReadOnlyList<string> From(IReadOnlyList<Verdict> verdicts) =>
        verdicts.Select(v => (v.Met ? "[x] " : "[ ] ") + v.Reason).ToList();
}
