// The campaign map as rows: incidents in curriculum order; each unlocks when the one before it is
// solved or skipped; an incident the engine cannot run yet says so. Pure.
using MemQuest.Scenarios.Model;

namespace MemQuest.App.Presentation;

public static class CampaignRows
{
    public const string Header = "NNN incident";

    /// <param name="missing">Why the engine cannot run an incident (null when it can).</param>
    public static IReadOnlyList<CampaignRow> From(IReadOnlyList<ScenarioDefinition> scenarios, CampaignProgress progress, Func<ScenarioDefinition, string?> missing)
    {
        var rows = new List<CampaignRow>(scenarios.Count);
        for (int i = 0; i < scenarios.Count; i++)
        {
            ScenarioDefinition s = scenarios[i];
            bool unlocked = i == 0 || progress.IsSolved(scenarios[i - 1].Id) || progress.IsSkipped(scenarios[i - 1].Id);
            string? why = !unlocked ? $"locked: solve or skip {scenarios[i - 1].Number:000} first" : missing(s);
            var result = progress.ResultOf(s.Id);
            rows.Add(new CampaignRow(s.Id, s.Number, s.Title, string.Join(", ", s.Topics), s.Difficulty, result?.Stars ?? 0, result?.Best, why));
        }
        return rows;
    }
}
