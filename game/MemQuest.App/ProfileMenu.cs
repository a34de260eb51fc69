// The title screen's side of the save: at start, tell the player what happened to the save (a
// damaged file set aside → rebuild or fresh; another MemQuest running → read-only) and, on the
// first run, ask for a name and create the profile (FirstProfileCreated follows, the tutorial's
// hook). The Profile entry then switches, creates, resets (one incident or everything, each asked
// first), exports and imports profiles: the same SaveStore calls as `memquest profile ...`.
using MemQuest.App.Saves;
using MemQuest.App.Screens;
using MemQuest.Persistence.Documents;
using MemQuest.Scenarios.Content;

namespace MemQuest.App;

public sealed class ProfileMenu(GameSaves saves, TitleScreen title, Func<ContentCatalog?> catalog, Action changed)
{
    /// <summary>The first profile was just created (first run): the tutorial can start here.</summary>
    public event Action? FirstProfileCreated;

    /// <summary>The title's menu entry for the profile.</summary>
    public string Label =>
        saves.NeedsRepair ? "Profile: the save is damaged (Enter: repair)"
        : !saves.IsOpen ? "Profile: no saves (see the note below)"
        : saves.Profile is { } p ? $"Profile: {p.Name}{(saves.IsReadOnly ? " (read-only)" : "")}"
        : "Profile: none yet (Enter: create one)";

    /// <summary>At start: say what happened to the save, then repair or first-run profile creation.</summary>
    public void Start()
    {
        if (saves.NeedsRepair) { OfferRepair(); return; }
        if (saves.Message.Length > 0) title.ShowNote(saves.Message);
        if (saves.NeedsProfile) CreateFirst();
    }

    /// <summary>The Profile entry was chosen.</summary>
    public void Open()
    {
        if (saves.NeedsRepair) { OfferRepair(); return; }
        if (!saves.IsOpen) { title.ShowNote(saves.Message); return; }
        if (saves.Profile is null) { CreateFirst(); return; }
        var actions = new List<(string Label, Action Run)>();
        foreach (ProfileDocument p in saves.Profiles.Where(p => p.Id != saves.Profile.Id))
            actions.Add(($"Switch to {p.Name}", () => Switch(p)));
        actions.Add(("New profile…", () => AskName("New profile", "Name of the new profile (letters, digits, spaces, - _ .):", first: false)));
        actions.Add(("Reset one incident…", ResetOne));
        actions.Add(("Reset everything…", ResetAll));
        actions.Add(("Export this profile to a file…", Export));
        actions.Add(("Import a profile from a file…", Import));
        title.AskChoice($"Profile: {saves.Profile.Name}", actions.Select(a => a.Label).ToList(), i => actions[i].Run());
    }

    private void CreateFirst() =>
        AskName("Welcome to MemQuest", "Your progress is kept in a profile. What is your name?\n(letters, digits, spaces, - _ .)", first: true);

    private void AskName(string heading, string question, bool first)
    {
        if (!saves.CanWrite) { title.ShowNote(saves.WhyNoWrites); return; }
        title.AskText(heading, question, "", name =>
        {
            if (saves.CreateProfile(name) is { } problem)
            {
                title.ShowNote(problem);
                AskName(heading, question, first);
                return;
            }
            changed();
            title.ShowNote($"Hello, {saves.Profile!.Name}: your progress is saved as you play.");
            if (first) FirstProfileCreated?.Invoke();
        });
    }

    private void Switch(ProfileDocument p)
    {
        saves.Switch(p);
        changed();
        title.ShowNote($"Now playing as {p.Name}.");
    }

    private void ResetOne()
    {
        var played = saves.Progress().Select(p => p.IncidentId).Union(saves.Skipped()).Where(id => !id.StartsWith("ev.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (played.Count == 0) { title.ShowNote("Nothing to reset: no incident has been played yet."); return; }
        title.AskChoice("Reset which incident?", played.Select(Describe).ToList(), i =>
            title.Confirm("Reset", $"Forget the score, stars, runs and unfinished play of {Describe(played[i])}?", () =>
            {
                saves.Reset(played[i]);
                changed();
                title.ShowNote(saves.Problem ?? $"Reset {Describe(played[i])}.");
            }));
    }

    private void ResetAll() =>
        title.Confirm("Reset everything", $"Forget ALL progress, runs and unfinished play of {saves.Profile!.Name}?", () =>
        {
            saves.Reset(null);
            changed();
            title.ShowNote(saves.Problem ?? $"Reset all progress of {saves.Profile!.Name}.");
        });

    private void Export()
    {
        string suggestion = Path.Combine(Directory.GetCurrentDirectory(), $"{saves.Profile!.Name.Replace(' ', '-')}.memquest-profile.json");
        title.AskText("Export", "Write the profile to this file (it must not exist yet):", suggestion, path => title.ShowNote(saves.Export(path)));
    }

    private void Import() =>
        title.AskText("Import", "Import a profile from this file (written by Export or 'memquest profile export'):", "", path => ImportAs(path, null));

    private void ImportAs(string path, string? name)
    {
        title.ShowNote(saves.Import(path, name, out string? taken));
        changed();
        if (taken is not null)
            title.AskText("Import", $"A profile named '{taken}' already exists here.\nImport it under this name (Esc: do not import):", taken + " 2", other => ImportAs(path, other));
    }

    private void OfferRepair()
    {
        title.ShowNote(saves.Message);
        string[] options = ["Rebuild the save (LiteDB salvages what it can)", "Start a fresh save (the damaged file stays aside)", "Play without saving for now"];
        title.AskChoice("The save needs a repair", options, i =>
        {
            if (i == 2) { title.ShowNote("Nothing is saved until the save is repaired (Profile on this menu). " + saves.Message); return; }
            string result = i == 0 ? saves.Rebuild() : saves.StartFresh();
            changed();
            if (saves.NeedsRepair) { OfferRepair(); return; }   // the rebuild failed: its reason is the note; offer the rest again
            title.ShowNote(result);
            if (saves.NeedsProfile) CreateFirst();
        });
    }

    private string Describe(string incidentId) =>
        catalog()?.Find(incidentId) is { } s ? $"{s.Number:000} {s.Title}" : incidentId;
}
