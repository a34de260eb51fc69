// The title screen's menu as data: each entry's label and, when it cannot be used yet, why.
namespace MemQuest.App.Presentation;

public sealed record TitleMenu(IReadOnlyList<TitleMenu.Entry> Entries)
{
    public sealed record Entry(TitleChoice Choice, string Label, string? Unavailable = null);

    /// <param name="hasCampaign">Incidents are installed (the scenario runtime and content exist).</param>
    /// <param name="sixteenColors">The 16-colour option is on.</param>
    public static TitleMenu For(bool hasCampaign, bool sixteenColors) => new(
    [
        new(TitleChoice.Continue, "Continue", hasCampaign ? null : "Nothing to continue yet: no incident has been played."),
        new(TitleChoice.Campaign, "Campaign", hasCampaign ? null : "No incidents are installed in this build yet. Try the Lab."),
        new(TitleChoice.Lab, "Lab: a box of your size to experiment on"),
        new(TitleChoice.Settings, $"Settings: colours {(sixteenColors ? "16 (Enter: 24-bit)" : "24-bit (Enter: 16)")}"),
        new(TitleChoice.Quit, "Quit"),
    ]);

    public IReadOnlyList<string> Labels => Entries.Select(e => (e.Unavailable is null ? "  " : "· ") + e.Label).ToList();
}
