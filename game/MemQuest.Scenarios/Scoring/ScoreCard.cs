// The debrief's score: points per metric out of 1000, the hint charge (never below zero), the
// total and stars, the par run's score beside it, and robustness on the hidden seeds.
namespace MemQuest.Scenarios.Scoring;

public sealed record ScoreCard(
    bool Won,
    IReadOnlyList<MetricScore> Metrics,
    int HintCost,
    int Total,
    int Stars,
    int? ParTotal,
    int ParActions,
    int PlayerActions,
    int HiddenSeedsWon,
    int HiddenSeedsPlayed)
{
    /// <summary>Hidden seeds won, in percent (100 when there are none to play).</summary>
    public int RobustnessPercent => HiddenSeedsPlayed == 0 ? 100 : HiddenSeedsWon * 100 / HiddenSeedsPlayed;
}
