using MemQuest.Scenarios.Content;

namespace MemQuest.Scenarios.Tests.Content;

public sealed class LintErrorTests
{
    [Theory]
    [InlineData("difficulty: 1", "difficulty: 1\ncolour: red", "unknown key 'colour'")]
    [InlineData("workload: capture-agent", "workload: capture-agnet", "unknown workload 'capture-agnet'")]
    [InlineData("{ module-loaded: netcap }", "{ module-lodaed: netcap }", "unknown check 'module-lodaed'")]
    [InlineData("cmd: \"modprobe netcap buf_alloc=vmalloc\"", "cmd: \"insmod netcap.ko\"", "'insmod' is not a command of the game console")]
    [InlineData("cmd: \"journalctl -k\"", "cmd: \"spawn x 1M\"", "'spawn' is not a command of the game console")]
    [InlineData("hidden_seeds: [3, 5, 8]", "hidden_seeds: [3, 5]", "list at least 3")]
    [InlineData("hidden_seeds: [3, 5, 8]", "hidden_seeds: [3, 5, 11]", "make every seed different")]
    [InlineData("time: 200 }", "time: 300 }", "scoring splits 1100 points")]
    [InlineData("machine: tiny-256m", "machine: huge-box", "unknown machine 'huge-box'")]
    [InlineData("costs: { modprobe: 20", "costs: { reboot: 20", "unknown action 'reboot' in costs")]
    [InlineData("end_tick: 600", "end_tick: soon", "'end_tick' is 'soon', which is not a whole number")]
    [InlineData("buffer: 8M", "buffer: lots", "buffer 'lots' is not a size")]
    [InlineData("{ at_tick: 20,", "{ at_tick: 5,", "comes after one at tick 10")]
    [InlineData("service: netcap-agent, ticks: 300", "service: netcap-agent, tick: 300", "has no argument 'tick'")]
    [InlineData("{ service-active: netcap-agent }", "{ service-active: netcap-agnet }", "names 'netcap-agnet', which is not a process or unit")]
    [InlineData("{ module-loaded: netcap }", "{ module-loaded: netkap }", "'module-loaded' names 'netkap'")]
    public void Load_BrokenScenario_ReportsWhatAndWhere(string from, string to, string expected)
    {
        using var temp = new TempContent();
        string file = temp.EditScenario(from, to);
        ContentLoadResult r = ContentLoader.Load(temp.Root);
        ContentError e = Assert.Single(r.Errors, x => x.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(file, e.File);
        Assert.True(e.Line >= 1 && e.Column >= 1, e.ToString());
        Assert.Matches(@"^.+:\d+:\d+: .+$", e.ToString());
    }

    [Fact]
    public void Load_UnknownKey_PointsAtItsLineAndColumn()
    {
        using var temp = new TempContent();
        temp.EditScenario("difficulty: 1", "difficulty: 1\n  # indented comment\nbogus_key: 1");
        ContentError e = Assert.Single(ContentLoader.Load(temp.Root).Errors);
        Assert.Equal((5, 1), (e.Line, e.Column));   // line 1 is a comment, 2 title, 3 difficulty, 4 the indented comment
        Assert.Contains("remove it or use one of", e.Message);
    }

    [Fact]
    public void Load_ObjectiveWithoutUnmet_SaysThePlayerMustBeToldWhy()
    {
        using var temp = new TempContent();
        temp.EditScenario("    unmet: \"netcap is not loaded (buffer via {buf_alloc}): no packets are being captured.\"\n", "");
        Assert.Contains(ContentLoader.Load(temp.Root).Errors, e => e.Message.Contains("has no 'unmet' text", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_YamlSyntaxError_ReportsLineAndColumn()
    {
        using var temp = new TempContent();
        string file = temp.Write("machines/broken.yaml", "mem_total: 256M\n cpus: [\n");
        ContentError e = Assert.Single(ContentLoader.Load(temp.Root).Errors);
        Assert.Equal(file, e.File);
        Assert.Equal(2, e.Line);
        Assert.StartsWith("YAML syntax error", e.Message);
    }

    [Theory]
    [InlineData("scenarios/10-short.yaml", "NNN-slug.yaml")]
    [InlineData("scenarios/015-odd.yaml", "not a multiple of 10")]
    [InlineData("workloads/Bad_Name.yaml", "kebab-case id")]
    public void Load_BadFileName_SaysHowToName(string relativePath, string expected)
    {
        using var temp = new TempContent();
        string text = File.ReadAllText(Path.Combine(temp.Root, "scenarios", "010-netcap-buffer.yaml"));
        temp.Write(relativePath, relativePath.StartsWith("workloads", StringComparison.Ordinal) ? "kind: steady\n" : text);
        Assert.Contains(ContentLoader.Load(temp.Root).Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("rss_kb: 4M", "rss_kb: lots", "'lots' is not a size")]
    [InlineData("rss_kb: 4M", "rss_mb: 4M", "has no parameter 'rss_mb'")]
    [InlineData("kind: steady", "kind: stedy", "unknown workload kind 'stedy'")]
    public void Load_BrokenWorkload_ReportsIt(string from, string to, string expected)
    {
        using var temp = new TempContent();
        string path = Path.Combine(temp.Root, "workloads", "capture-agent.yaml");
        Assert.Contains(from, File.ReadAllText(path));
        File.WriteAllText(path, File.ReadAllText(path).Replace(from, to, StringComparison.Ordinal));
        Assert.Contains(ContentLoader.Load(temp.Root).Errors, e => e.File == path && e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingFolder_NamesTheContentRootLayout()
    {
        using var temp = new TempContent();
        Directory.Delete(Path.Combine(temp.Root, "workloads"), recursive: true);
        Assert.Contains(ContentLoader.Load(temp.Root).Errors, e => e.Message.Contains("missing folder 'workloads/'", StringComparison.Ordinal));
    }
}
