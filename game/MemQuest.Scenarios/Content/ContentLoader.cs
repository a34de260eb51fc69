// Loads a content root (the folder holding machines/, workloads/ and scenarios/): reads every
// YAML file, resolves references, runs the lint rules and computes the content digest. The only
// code that reads the content folder.
using System.Text.RegularExpressions;
using MemQuest.Scenarios.Content.Lint;
using MemQuest.Scenarios.Content.Reading;
using MemQuest.Scenarios.Model;

namespace MemQuest.Scenarios.Content;

public static partial class ContentLoader
{
    public static readonly string[] Folders = ["machines", "workloads", "scenarios"];

    [GeneratedRegex(@"^(\d{3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$")]
    private static partial Regex ScenarioFileName();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$")]
    private static partial Regex KebabFileName();

    public static ContentLoadResult Load(string root)
    {
        var errors = new List<ContentError>();
        foreach (string folder in Folders.Where(f => !Directory.Exists(Path.Combine(root, f))))
            errors.Add(new ContentError(Path.Combine(root, folder), 0, 0, $"missing folder '{folder}/'; a content root holds machines/, workloads/ and scenarios/ (pass the folder that contains them)"));
        var machines = ReadAll(root, "machines", errors, (m, id) => MachineReader.Read(m, id), "machine");
        var workloads = ReadAll(root, "workloads", errors, (m, id) => WorkloadReader.Read(m, id), "workload");
        var scenarios = new List<ScenarioDefinition>();
        foreach (string path in Files(root, "scenarios"))
        {
            Match match = ScenarioFileName().Match(Path.GetFileName(path));
            if (!match.Success) { errors.Add(new ContentError(path, 1, 1, "scenario files are named NNN-slug.yaml (e.g. 010-billing-oom.yaml); rename the file")); continue; }
            YamlMap? map = YamlFile.Parse(File.ReadAllText(path), path, errors, "scenario");
            if (map is null) continue;
            var s = ScenarioReader.Read(map, match.Groups[2].Value, int.Parse(match.Groups[1].Value), machines, workloads);
            if (s is null) continue;
            if (scenarios.Any(x => x.Id == s.Id)) errors.Add(new ContentError(path, 1, 1, $"another scenario file already uses the slug '{s.Id}'; slugs must be unique"));
            else scenarios.Add(s);
        }
        var all = Folders.SelectMany(f => Files(root, f)).ToList();
        var catalog = new ContentCatalog(root, machines, workloads, scenarios.OrderBy(s => s.Number).ToList(), ContentDigest.Compute(root, all));
        foreach (ScenarioDefinition s in catalog.Scenarios)
            foreach (ILintRule rule in LintRules.All) errors.AddRange(rule.Check(s, catalog));
        return new ContentLoadResult(catalog, errors);
    }

    private static SortedDictionary<string, T> ReadAll<T>(string root, string folder, List<ContentError> errors, Func<YamlMap, string, T?> read, string what)
        where T : class
    {
        var map = new SortedDictionary<string, T>(StringComparer.Ordinal);
        foreach (string path in Files(root, folder))
        {
            string name = Path.GetFileName(path);
            if (!KebabFileName().IsMatch(name)) { errors.Add(new ContentError(path, 1, 1, $"{what} files are named with a kebab-case id (e.g. small-web-4g.yaml); rename the file")); continue; }
            YamlMap? m = YamlFile.Parse(File.ReadAllText(path), path, errors, what);
            if (m is not null && read(m, Path.GetFileNameWithoutExtension(path)) is { } item) map[Path.GetFileNameWithoutExtension(path)] = item;
        }
        return map;
    }

    private static IEnumerable<string> Files(string root, string folder)
    {
        string dir = Path.Combine(root, folder);
        return Directory.Exists(dir)
            ? Directory.GetFiles(dir).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [];
    }
}
