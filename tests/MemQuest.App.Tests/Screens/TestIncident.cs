// The scenario runtime's test incident (010-netcap-buffer: runs on today's engine), loaded once.
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;

namespace MemQuest.App.Tests.Screens;

internal static class TestIncident
{
    public static string ContentRoot => Path.Combine(AppContext.BaseDirectory, "TestContent");

    private static readonly Lazy<ContentCatalog> s_catalog = new(() => ContentLoader.Load(ContentRoot).Catalog);

    public static ContentCatalog Catalog => s_catalog.Value;
    public static ScenarioDefinition Netcap => Catalog.Scenarios[0];
    public static Session Start() => Session.Start(Netcap, Netcap.Seed, Catalog.Digest);
    public const string Fix = "modprobe netcap buf_alloc=vmalloc";
}
