using MemQuest.Scenarios.Workloads;
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Tests.Workloads;

public sealed class WorkloadParamTests
{
    [Theory]
    [InlineData("4096", 4096)]
    [InlineData("64k", 64)]
    [InlineData("512M", 512 * 1024)]
    [InlineData("3G", 3L * 1024 * 1024)]
    [InlineData("1T", 1L << 30)]
    [InlineData("2GB", 2L * 1024 * 1024)]
    public void TryParseKb_AdminSizes_InKb(string text, long kb)
    {
        Assert.True(SizeText.TryParseKb(text, out long got));
        Assert.Equal(kb, got);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("-5M")]
    [InlineData("1.5G")]
    public void TryParseKb_NotASize_False(string text) => Assert.False(SizeText.TryParseKb(text, out _));

    [Fact]
    public void Kinds_EveryKindNamedInReadme_AndParamsHaveValidDefaults()
    {
        string readme = File.ReadAllText(Path.Combine(TestContentRoot.Real, "README.md"));
        foreach (WorkloadKind k in WorkloadKinds.All)
        {
            Assert.Contains($"`{k.Name}`", readme);
            foreach (WorkloadParam p in k.Parameters) Assert.Null(p.Check(p.Default));
        }
    }

    [Theory]
    [InlineData("steady", "rss_kb", "0", Mechanism.Spawn)]
    [InlineData("steady", "rss_kb", "1M", Mechanism.Spawn | Mechanism.AnonFaults)]
    [InlineData("web-server", "allocator", "pool", Mechanism.Spawn | Mechanism.AnonFaults)]
    [InlineData("web-server", "allocator", "malloc", Mechanism.Spawn | Mechanism.AnonFaults | Mechanism.Malloc)]
    public void Needs_DependOnParameters(string kind, string param, string value, Mechanism needs)
    {
        WorkloadKind k = WorkloadKinds.Find(kind)!;
        Assert.Equal(needs, k.Needs(k.Resolve(new Dictionary<string, string> { [param] = value })));
    }

    [Fact]
    public void Resolve_Layers_LaterWinsAndUnknownIgnored()
    {
        WorkloadKind k = WorkloadKinds.Find("leak")!;
        var p = k.Resolve(new Dictionary<string, string> { ["heap_kb"] = "1M", ["nonsense"] = "1" }, new Dictionary<string, string> { ["heap_kb"] = "2M" });
        Assert.Equal(2048, p.Kb("heap_kb"));
        Assert.False(p.Values.ContainsKey("nonsense"));
    }
}
