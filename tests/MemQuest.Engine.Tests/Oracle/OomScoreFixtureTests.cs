// Oracle fixture oom-score.json (shared/oracle README §3): every case's footprint, as the real
// 6.18 kernel reported it in /proc/PID/status, drives the engine's oom_badness and oom_score.
using System.Text.Json;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Tests.Oracle;

public sealed class OomScoreFixtureTests
{
    private static readonly JsonElement Root = Load();

    private static JsonElement Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Oracle", "Fixtures", "oom-score.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    private static JsonElement Case(string label) =>
        Root.GetProperty("outputs").GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("input").GetProperty("label").GetString() == label);

    public static TheoryData<string> Labels()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in Root.GetProperty("outputs").GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("input").GetProperty("label").GetString()!);
        return data;
    }

    private static long TotalPages()
    {
        JsonElement env = Root.GetProperty("env");
        return env.GetProperty("totalram_pages").GetInt64() + env.GetProperty("swap_total_kb").GetInt64() / 4;
    }

    [Fact]
    public void Fixture_HasAllCasesTheReadmeNames() => Assert.Equal(28, Labels().Count);

    [Theory]
    [MemberData(nameof(Labels))]
    public void OomScoreFixture_EveryCaseAndSample_ScoreFromOwnFootprint(string label)
    {
        JsonElement c = Case(label);
        JsonElement[] samples = [.. c.GetProperty("output").GetProperty("samples").EnumerateArray()];
        JsonElement[] checks = [.. c.GetProperty("check").EnumerateArray()];
        Assert.NotEmpty(samples);
        for (int i = 0; i < samples.Length; i++)
        {
            JsonElement s = samples[i];
            JsonElement status = s.GetProperty("status");
            var p = new Process(4242, "oomchild", 1000, new MmStruct
            {
                RssAnonPages = status.GetProperty("VmRSS").GetInt64() / 4,
                PgtablesBytes = status.GetProperty("VmPTE").GetInt64() * 1024,
                SwapEntsPages = status.GetProperty("VmSwap").GetInt64() / 4,
            }) { OomScoreAdj = s.GetProperty("oom_score_adj").GetInt16() };
            ulong observed = s.GetProperty("oom_score").GetUInt64();
            ulong engine = OomScore.ProcOomScore(p, TotalPages());
            if (checks[i].GetProperty("boundary_sensitive").GetBoolean())
                Assert.True(engine == observed || engine == observed + 1, $"{label}: engine {engine}, kernel {observed} (per-CPU counter slack)");
            else
                Assert.Equal(observed, engine);
        }
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void OomScoreFixture_AdjWrite_SameErrnoAsTheKernelWithoutCapSysResource(string label)
    {
        JsonElement c = Case(label);
        string requested = c.GetProperty("input").GetProperty("adj").GetInt32().ToString();
        var p = new Process(4242, "oomchild", 1000, new MmStruct());
        Errno e = OomScoreAdj.WriteOomScoreAdj(p, requested + "\n", capSysResource: false);
        string expected = c.GetProperty("output").GetProperty("adj_write_result").GetString()!;
        Assert.Equal(expected, e == Errno.Ok ? "ok" : e.ToString());
        short applied = c.GetProperty("output").GetProperty("samples")[0].GetProperty("oom_score_adj").GetInt16();
        Assert.Equal(applied, p.OomScoreAdj);
    }

    [Fact]
    public void OomScoreFixture_BootedBoxOfThatSize_HasTheSameTotalpages()
    {
        JsonElement env = Root.GetProperty("env");
        Machine m = Machine.Boot(new MachineSpec(env.GetProperty("mem_total_kb").GetInt64(), env.GetProperty("nr_cpus").GetInt32()), 1);
        Assert.Equal(TotalPages(), OomScore.GlobalTotalPages(m));
    }
}
