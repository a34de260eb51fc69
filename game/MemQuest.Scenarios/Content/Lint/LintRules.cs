// Every lint rule, run by ContentLoader on every scenario and by `memquest check-content`.
namespace MemQuest.Scenarios.Content.Lint;

public static class LintRules
{
    public static readonly IReadOnlyList<ILintRule> All =
    [
        new WorkloadsExist(),
        new ProcessParamsFitTheirKind(),
        new ChecksAreKnown(),
        new ChecksNameRealTargets(),
        new ObjectivesSayWhyTheyFail(),
        new ParLinesParse(),
        new EventsNameRealTargets(),
        new HiddenSeedsAreEnough(),
        new PointsAddUp(),
        new CurriculumNumbersHaveGaps(),
        new TextsAreWritten(),
    ];
}
