// The test-only content root (TestContent/, copied next to the test assembly) and the real one.
using MemQuest.Scenarios.Content;

namespace MemQuest.Scenarios.Tests;

internal static class TestContentRoot
{
    public static string Test => Path.Combine(AppContext.BaseDirectory, "TestContent");

    /// <summary>The repository's content/ folder, found above the test assembly.</summary>
    public static string Real
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "MemQuest.sln"))) return Path.Combine(dir.FullName, "content");
            throw new DirectoryNotFoundException("no MemQuest.sln above the test assembly");
        }
    }

    private static readonly Lazy<ContentLoadResult> TestLoad = new(() => ContentLoader.Load(Test));

    public static ContentCatalog TestCatalog => TestLoad.Value.Catalog;
}
