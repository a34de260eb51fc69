// The dependency rule of architecture.md §3: the Engine references only the BCL and uses none of the
// banned APIs (I/O, console, clock, Random, threads, floating point, GetHashCode).
using System.Text.RegularExpressions;

namespace MemQuest.Engine.Tests;

public sealed class ArchitectureTests
{
    private static readonly Regex Banned = new(
        @"\bSystem\.Random\b|new Random\(|DateTime\.(Now|UtcNow)|DateTimeOffset\.(Now|UtcNow)|Stopwatch|Environment\.TickCount|\bConsole\.|System\.IO\b|\bFile\.|\bThread\b|Task\.Run|\basync\b|\bawait\b|\b(float|double|decimal)\b|GetHashCode\(|\bHashCode\.|TimeProvider",
        RegexOptions.Compiled);

    [Fact]
    public void EngineAssembly_ReferencesOnlyTheFramework()
    {
        var refs = typeof(Machine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(refs);
        Assert.All(refs, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib",
            $"the engine references {name}; it may use only the BCL (architecture §3)"));
    }

    [Fact]
    public void EngineSources_UseNoBannedApi()
    {
        string dir = Path.Combine(RepoRoot(), "game", "MemQuest.Engine");
        var files = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.True(files.Count > 10, "engine sources not found");
        var offences = new List<string>();
        foreach (string f in files)
        {
            string[] lines = File.ReadAllLines(f);
            for (int i = 0; i < lines.Length; i++)
            {
                string code = StripComment(lines[i]);
                if (Banned.IsMatch(code)) offences.Add($"{Path.GetRelativePath(dir, f)}:{i + 1}: {lines[i].Trim()}");
            }
        }
        Assert.True(offences.Count == 0, "banned API in the engine (architecture §3):\n" + string.Join('\n', offences));
    }

    [Fact]
    public void BannedPattern_CatchesAnOffence() => Assert.Matches(Banned, "var r = new Random(1);");

    private static string StripComment(string line)
    {
        string t = line.TrimStart();
        if (t.StartsWith("//", StringComparison.Ordinal) || t.StartsWith("*", StringComparison.Ordinal)) return "";
        int i = line.IndexOf("//", StringComparison.Ordinal);
        return i >= 0 ? line[..i] : line;
    }

    internal static string RepoRoot()
    {
        string? d = AppContext.BaseDirectory;
        while (d is not null && !File.Exists(Path.Combine(d, "MemQuest.sln"))) d = Path.GetDirectoryName(d);
        return d ?? throw new InvalidOperationException("MemQuest.sln not found above the test directory");
    }
}
