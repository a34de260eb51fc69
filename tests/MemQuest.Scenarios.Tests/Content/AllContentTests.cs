using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Tests.Content;

public sealed class AllContentTests
{
    private static readonly Lazy<ContentLoadResult> Real = new(() => ContentLoader.Load(TestContentRoot.Real));

    public static TheoryData<string> AllContentFiles()
    {
        var data = new TheoryData<string>();
        foreach (string root in new[] { TestContentRoot.Real, TestContentRoot.Test })
            foreach (string f in Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                data.Add(f);
        return data;
    }

    public static TheoryData<string> RealScenarioIds() => new(Real.Value.Catalog.Scenarios.Select(s => s.Id));

    [Theory, MemberData(nameof(AllContentFiles))]
    public void ContentFile_Loaded_LintsClean(string file)
    {
        string root = Path.GetDirectoryName(Path.GetDirectoryName(file))!;
        ContentLoadResult r = ContentLoader.Load(root);
        Assert.Empty(r.Errors.Where(e => e.File == file).Select(e => e.ToString()));
        bool loaded = r.Catalog.Machines.Values.Any(m => m.Pos.File == file)
            || r.Catalog.Workloads.Values.Any(w => w.Pos.File == file)
            || r.Catalog.Scenarios.Any(s => s.SourceFile == file);
        Assert.True(loaded, $"{file} was not loaded into the catalog");
    }

    [Fact]
    public void RealContent_Loaded_HasTheTutorialThenTheFirstThreeIncidentsInOrder()
    {
        Assert.Empty(Real.Value.Errors.Select(e => e.ToString()));
        Assert.Equal(["tutorial", "billing-oom", "cache-is-not-used", "bgsave-enomem"], Real.Value.Catalog.Scenarios.Select(s => s.Id));
    }

    /// <summary>Grows by itself: once the engine provides what an incident needs, its par must win on
    /// every seed and doing nothing must lose; until then the refusal must name what is missing.</summary>
    [Theory, MemberData(nameof(RealScenarioIds))]
    public void RealScenario_OnThisEngine_ParWinsOrTheMissingMechanismIsNamed(string id)
    {
        ScenarioDefinition s = Real.Value.Catalog[id];
        string? missing = Readiness.Missing(s, EngineKernel.Provided);
        if (missing is not null)
        {
            Mechanism lacking = Readiness.Needs(s) & ~EngineKernel.Provided;
            Assert.NotEqual(Mechanism.None, lacking);
            Assert.Contains(Enum.GetValues<Mechanism>().First(m => m != Mechanism.None && lacking.HasFlag(m)).ToString(), missing);
            Assert.Throws<InvalidOperationException>(() => Session.Start(s, s.Seed, Real.Value.Catalog.Digest));
            return;
        }
        foreach (ulong seed in s.HiddenSeeds.Prepend(s.Seed))
            Assert.Equal(SessionStatus.Won, Replayer.Run(s, Replayer.ParLog(s, Real.Value.Catalog.Digest), seed).Status);
        Assert.NotEqual(SessionStatus.Won, Replayer.Run(s, Replayer.EmptyLog(s, Real.Value.Catalog.Digest)).Status);
    }

    [Fact]
    public void ContentDigest_OneByteChanged_Differs()
    {
        using var temp = new TempContent();
        string before = ContentLoader.Load(temp.Root).Catalog.Digest;
        Assert.Equal(before, ContentLoader.Load(temp.Root).Catalog.Digest);
        temp.EditScenario("seed: 11", "seed: 12");
        Assert.NotEqual(before, ContentLoader.Load(temp.Root).Catalog.Digest);
    }
}
