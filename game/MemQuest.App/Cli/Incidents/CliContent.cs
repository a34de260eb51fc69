// Loads the content for a CLI command and looks up a scenario, printing clear errors (exit 2).
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.App.Cli.Incidents;

public static class CliContent
{
    public static ContentCatalog? Load(string root, TextWriter stderr, string command)
    {
        if (!Directory.Exists(root))
        {
            stderr.Write($"memquest {command}: no content folder at '{root}'; pass --content DIR or set ${ContentLocator.EnvironmentVariable}\n");
            return null;
        }
        ContentLoadResult r = ContentLoader.Load(root);
        if (r.Ok) return r.Catalog;
        foreach (ContentError e in r.Errors) stderr.Write(e + "\n");
        stderr.Write($"memquest {command}: the content at '{root}' has {r.Errors.Count} error(s); 'memquest check-content' lists them\n");
        return null;
    }

    /// <summary>The scenario, or null after printing why (unknown id, or not runnable on this engine).</summary>
    public static ScenarioDefinition? Scenario(ContentCatalog catalog, string id, TextWriter stderr, string command)
    {
        ScenarioDefinition? s = catalog.Find(id);
        if (s is null)
        {
            stderr.Write($"memquest {command}: no incident '{id}'; 'memquest list' shows them: {string.Join(", ", catalog.Scenarios.Select(x => x.Id))}\n");
            return null;
        }
        if (Readiness.Missing(s, EngineKernel.Provided) is { } missing)
        {
            stderr.Write($"memquest {command}: {missing}\n");
            return null;
        }
        return s;
    }
}
