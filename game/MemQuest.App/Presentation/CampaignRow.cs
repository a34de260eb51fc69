// One incident on the campaign map.
namespace MemQuest.App.Presentation;

/// <param name="Unavailable">Why it cannot be played (locked, or the engine lacks a mechanism); null if playable.</param>
public sealed record CampaignRow(string Id, int Number, string Title, string Topics, int Difficulty, int Stars, int? BestScore, string? Unavailable)
{
    public string Line(int titleWidth)
    {
        string title = Title.Length > titleWidth ? Title[..(titleWidth - 1)] + "…" : Title.PadRight(titleWidth);
        string stars = new string('★', Stars) + new string('☆', 3 - Stars);
        string best = BestScore?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
        string state = Unavailable is null ? "" : Unavailable.StartsWith("locked", StringComparison.Ordinal) ? "locked" : "needs engine";
        return $"{Number:000} {title} {new string('▮', Difficulty).PadRight(5)} {stars} {best,5} {state}";
    }
}
