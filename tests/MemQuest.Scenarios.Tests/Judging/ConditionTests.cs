using MemQuest.Scenarios.Judging;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;

namespace MemQuest.Scenarios.Tests.Judging;

public sealed class ConditionTests
{
    private static ConditionSpec Spec(string key, string? scalar, params (string K, string V)[] args) =>
        new(key, scalar, args.ToDictionary(a => a.K, a => a.V), SourcePos.None);

    [Theory]
    [InlineData("process-alive", null, "needs its argument")]
    [InlineData("sysctl", null, "needs its argument")]
    [InlineData("frobnicate", "x", "unknown check 'frobnicate'")]
    [InlineData("no-oom-kill-for-ticks", "soon", "needs its argument")]
    public void TryCreate_BadSpec_SaysWhy(string key, string? scalar, string expected) =>
        Assert.Contains(expected, ConditionCatalog.TryCreate(Spec(key, scalar)).Error);

    [Fact]
    public void TryCreate_UnknownSysctl_NamesIt() =>
        Assert.Contains("'vm.nope' is not a readable vm sysctl", ConditionCatalog.TryCreate(Spec("sysctl", null, ("name", "vm.nope"), ("equals", "1"))).Error);

    [Fact]
    public void TryCreate_EveryKey_IsDocumentedInContentReadme()
    {
        string readme = File.ReadAllText(Path.Combine(TestContentRoot.Real, "README.md"));
        foreach (string key in ConditionCatalog.Keys) Assert.Contains($"`{key}`", readme);
    }

    [Theory]
    [InlineData("equals", 60, true)]
    [InlineData("at_least", 61, false)]
    [InlineData("at_most", 59, false)]
    public void Sysctl_Compared_AgainstTheLiveKnob(string op, long value, bool met)
    {
        var s = Session.Start(TestContentRoot.TestCatalog["netcap-buffer"], 11, "D");
        ICondition c = ConditionCatalog.Create(Spec("sysctl", null, ("name", "vm.swappiness"), (op, value.ToString())));
        Assert.Equal(met, c.Evaluate(new JudgeContext(s.Machine, s.Services, s.Modules, s.Kernel)).Met);
    }

    [Fact]
    public void Meminfo_MemAvailable_ReadsTheRenderedValue()
    {
        var s = Session.Start(TestContentRoot.TestCatalog["netcap-buffer"], 11, "D");
        var ctx = new JudgeContext(s.Machine, s.Services, s.Modules, s.Kernel);
        ConditionResult r = ConditionCatalog.Create(Spec("meminfo", null, ("field", "MemAvailable"), ("at_least", "1"))).Evaluate(ctx);
        long shown = long.Parse(r.Facts["kb"]);
        Assert.True(r.Met);
        Assert.Contains($"MemAvailable:   {shown,8} kB", s.Submit("cat /proc/meminfo").Stdout);
    }

    [Fact]
    public void Fill_Placeholders_ReplacedAndUnknownKept() =>
        Assert.Equal("a 3 {b}", Judge.Fill(" a {x} {b} ", new Dictionary<string, string> { ["x"] = "3" }));
}
