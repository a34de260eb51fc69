// The game's own content folder (content/, copied beside the tests as GameContent), for the tutorial
// incident the title screen's Tutorial entry and the first run play.
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;

namespace MemQuest.App.Tests.Screens;

internal static class TutorialContent
{
    /// <summary>The game's own content, copied beside the tests.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "GameContent");

    private static readonly Lazy<ContentCatalog> s_catalog = new(() => ContentLoader.Load(Root).Catalog);

    public static ContentCatalog Catalog => s_catalog.Value;
    public static ScenarioDefinition Tutorial => s_catalog.Value[IncidentFlow.TutorialId];
    public static Session Start() => Session.Start(Tutorial, Tutorial.Seed, s_catalog.Value.Digest);
}
