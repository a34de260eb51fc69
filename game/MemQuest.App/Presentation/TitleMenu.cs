// The title screen's menu as data: each entry's label and, when it cannot be used yet, why.
namespace MemQuest.App.Presentation;

public sealed record TitleMenu(IReadOnlyList<TitleMenu.Entry> Entries)
{
    public const string NoTutorial = "No tutorial: the content folder has no 000-tutorial.yaml.";

    /// <param name="Argument">What the entry is about when the choice alone does not say (an event's id).</param>
    public sealed record Entry(TitleChoice Choice, string Label, string? Unavailable = null, string? Argument = null);

    /// <param name="campaignUnavailable">Why there is no campaign (no content found, content errors); null when there is one.</param>
    /// <param name="resumable">The incident that Continue resumes, if one was left mid-way.</param>
    /// <param name="sixteenColors">The 16-colour option is on.</param>
    /// <param name="tutorialUnavailable">Why the guided tutorial cannot be played (no tutorial in the content); null when it can.</param>
    public static TitleMenu For(string? campaignUnavailable, string? resumable, bool sixteenColors, string? tutorialUnavailable = NoTutorial) => new(
    [
        new(TitleChoice.Continue, resumable is null ? "Continue" : $"Continue: {resumable}", resumable is null ? "Nothing to continue: no incident was left mid-way." : null),
        new(TitleChoice.Campaign, "Campaign", campaignUnavailable),
        new(TitleChoice.Lab, "Lab: a box of your size to experiment on"),
        new(TitleChoice.Tutorial, "Tutorial: a guided first incident", tutorialUnavailable),
        new(TitleChoice.Settings, $"Settings: colours {(sixteenColors ? "16 (Enter: 24-bit)" : "24-bit (Enter: 16)")}"),
        new(TitleChoice.Quit, "Quit"),
    ]);

    /// <summary>Adds the profile entry (before Settings): who is playing, or why nothing is saved.</summary>
    public TitleMenu WithProfile(string label) => Insert(Entries.ToList().FindIndex(e => e.Choice == TitleChoice.Settings), new Entry(TitleChoice.Profile, label));

    /// <summary>Adds one entry per joined event (after Campaign): (event id, label).</summary>
    public TitleMenu WithEvents(IEnumerable<(string Id, string Label)> events)
    {
        TitleMenu menu = this;
        int at = Entries.ToList().FindIndex(e => e.Choice == TitleChoice.Campaign) + 1;
        foreach (var (id, label) in events) menu = menu.Insert(at++, new Entry(TitleChoice.Event, label, Argument: id));
        return menu;
    }

    private TitleMenu Insert(int index, Entry entry)
    {
        var list = Entries.ToList();
        list.Insert(index < 0 ? list.Count : index, entry);
        return new TitleMenu(list);
    }

    public IReadOnlyList<string> Labels => Entries.Select(e => (e.Unavailable is null ? "  " : "· ") + e.Label).ToList();
}
