// Oracle fixture oom-score.json (shared/oracle README §3): every case's footprint, as the real
// 6.18 kernel reported it in /proc/PID/status, drives the engine's oom_badness and oom_score.
using System.Text.Json;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Tests.Oracle;

public sealed class OomScoreJsonScoreTests(OomScoreJsonScoreTests.OracleBox shared) : IClassFixture<OomScoreJsonScoreTests.OracleBox>
{
    /// <summary>One box of the oracle's size for the rebuilt cases (each case's process exits afterwards).</summary>
    public sealed class OracleBox
    {
        internal Mm.MmTestBox Box { get; } = new(Mm.MmTestBox.OracleMemTotalKb);
    }

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

    /// <summary>The cases that write at most 512 MiB (the 1-2 GiB ones add nothing new here and cost seconds;
    /// OomScoreFixtureTests already rebuilds every case's status numbers).</summary>
    public static TheoryData<string> CheapLabels()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in Root.GetProperty("outputs").GetProperty("cases").EnumerateArray())
            if (c.GetProperty("input").GetProperty("touch").GetInt64() <= 512L << 20)
                data.Add(c.GetProperty("input").GetProperty("label").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(CheapLabels))]
    public void OomScoreFixture_CaseRebuiltOnTheSim_GivesTheKernelsOomScore(string label)
    {
        JsonElement c = Case(label);
        JsonElement input = c.GetProperty("input");
        Mm.MmTestBox box = shared.Box;
        Process p = box.Spawn("oomchild", new MemQuest.Engine.Mm.Exec.LabProgramSpec(
            MapBytes: input.GetProperty("map").GetInt64(), TouchBytes: input.GetProperty("touch").GetInt64(),
            Read: input.GetProperty("read").GetInt64() != 0, StrideBytes: input.GetProperty("stride").GetInt64(),
            Regions: input.GetProperty("regions").GetInt32(), SpacingBytes: input.GetProperty("spacing").GetInt64(),
            NoReserve: input.GetProperty("noreserve").GetInt64() != 0));
        JsonElement sample = c.GetProperty("output").GetProperty("samples")[0];
        Assert.Equal(Errno.Ok == OomScoreAdj.WriteOomScoreAdj(p, input.GetProperty("adj").GetInt32() + "\n", capSysResource: false),
            c.GetProperty("output").GetProperty("adj_write_result").GetString() == "ok");
        long total = OomScore.GlobalTotalPages(box.Machine);
        long badness = OomBadness.Badness(p, total);
        ulong observed = sample.GetProperty("oom_score").GetUInt64();
        // The sim's libc layout differs from one real run by a few dozen pages (see OomScoreFixtureTests):
        // exact, unless the sim's badness lies within that noise of a score step.
        bool nearStep = OomScore.Points(badness - 64, total) != OomScore.Points(badness + 64, total);
        ulong engine = OomScore.ProcOomScore(p, total);
        box.Vm.Exit(p);
        if (nearStep) Assert.InRange(engine, observed - 1, observed + 1);
        else Assert.Equal(observed, engine);
    }

    [Fact]
    public void OomScoreFixture_BootedBoxOfThatSize_HasTheSameTotalpages()
    {
        JsonElement env = Root.GetProperty("env");
        Machine m = Machine.Boot(new MachineSpec(env.GetProperty("mem_total_kb").GetInt64(), env.GetProperty("nr_cpus").GetInt32()), 1);
        Assert.Equal(TotalPages(), OomScore.GlobalTotalPages(m));
    }
}
