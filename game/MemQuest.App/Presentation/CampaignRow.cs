// One incident on the campaign map.
namespace MemQuest.App.Presentation;

/// <param name="Unavailable">Why it cannot be played (locked, or the engine lacks a mechanism); null if playable.</param>
/// <param name="Attempts">A joined event's attempts used ("1/3"), shown after the state; null in the campaign.</param>
/// <param name="State">The short state word when it is not locked or needs engine (an event's "not open", "closed", "no tries").</param>
public sealed record CampaignRow(string Id, int Number, string Title, string Topics, int Difficulty, int Stars, int? BestScore, string? Unavailable,
    string? Attempts = null, string? State = null)
{
    public string Line(int titleWidth)
    {
        string title = Title.Length > titleWidth ? Title[..(titleWidth - 1)] + "…" : Title.PadRight(titleWidth);
        string stars = new string('★', Stars) + new string('☆', 3 - Stars);
        string best = BestScore?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
        string state = State ?? (Unavailable is null ? "" : Unavailable.StartsWith("locked", StringComparison.Ordinal) ? "locked" : "needs engine");
        string attempts = Attempts is null ? "" : $"{Attempts,5} ";
        return $"{Number:000} {title} {new string('▮', Difficulty).PadRight(5)} {stars} {best,5} {attempts}{state}";
    }
}
