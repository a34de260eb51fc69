using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Oom.Control;

namespace MemQuest.Engine.Tests.Oom;

public sealed class OomBadnessTests
{
    private static Process Task(long rss, long swap, long pgtablesBytes, short adj, int pid = 1234) =>
        new(pid, "python3", 1, new MmStruct { RssAnonPages = rss, SwapEntsPages = swap, PgtablesBytes = pgtablesBytes }) { OomScoreAdj = adj };

    [Theory]                       // kernel-spec §19 fact 48, §14.2 example
    [InlineData(0, 120100)]
    [InlineData(200, 320100)]
    public void Badness_Fact48_RssSwapPgtablesPlusAdjUnits(short adj, long expected) =>
        Assert.Equal(expected, OomBadness.Badness(Task(100000, 20000, 409600, adj), 1000000));

    [Fact]                         // kernel-spec §19 fact 49
    public void Badness_Fact49_AdjMinus1000_NotEligible()
    {
        Process p = Task(100000, 20000, 409600, -1000);
        Assert.Equal(OomBadness.NotEligible, OomBadness.Badness(p, 1000000));
        Assert.Equal(OomEligibility.AdjMin, OomBadness.Explain(p, 1000000).Eligibility);
    }

    [Fact]                         // kernel-spec §19 fact 56: totalpages / 1000 before multiplying
    public void Badness_Fact56_AdjUnitIsTotalpagesDividedFirst()
    {
        BadnessLine line = OomBadness.Explain(Task(0, 0, 0, 1), 6171021);
        Assert.Equal(6171, line.AdjPoints);
        Assert.Equal(6171 * 999, OomBadness.Badness(Task(0, 0, 0, 999), 6171021));
        Assert.NotEqual(6171021L * 999 / 1000, OomBadness.Badness(Task(0, 0, 0, 999), 6171021));
    }

    [Fact]
    public void Badness_NegativeAdj_IsNotClamped()
    {
        // kernel-spec §14.6 negative example: rss 2,000,000, pgtables 4096 pages, adj -500
        Process p = Task(2000000, 0, 4096L * 4096, -500);
        Assert.Equal(2000000 + 4096 - 500L * 6171, OomBadness.Badness(p, 6171021));
        Assert.Equal(-1081404, OomBadness.Badness(p, 6171021));
        Assert.True(OomBadness.Badness(Task(10, 0, 0, -999), 6171021) < 0);
    }

    [Fact]
    public void Badness_PgtablesBytes_CountWholePagesOnly()
    {
        Assert.Equal(1, OomBadness.Badness(Task(0, 0, 8191, 0), 1000000));
        Assert.Equal(2, OomBadness.Badness(Task(0, 0, 8192, 0), 1000000));
    }

    [Fact]
    public void Badness_RssCountsAnonFileAndShmem()
    {
        var p = new Process(50, "db", 1, new MmStruct { RssAnonPages = 10, RssFilePages = 20, RssShmemPages = 30 });
        Assert.Equal(60, OomBadness.Badness(p, 1000000));
    }

    [Fact]
    public void Eligibility_InitKernelThreadReapedAndExited_AreNotCandidates()
    {
        Assert.Equal(OomEligibility.Unkillable, OomBadness.Eligibility(Task(500, 0, 0, 0, pid: 1)));
        Assert.Equal(OomEligibility.Unkillable, OomBadness.Eligibility(new Process(2, "kthreadd", 0, null)));
        Process reaped = Task(500, 0, 0, 0);
        reaped.Mm!.OomSkip = true;
        Assert.Equal(OomEligibility.OomSkip, OomBadness.Eligibility(reaped));
        Assert.Equal(OomBadness.NotEligible, OomBadness.Badness(reaped, 1000000));
        Assert.Equal(OomEligibility.Eligible, OomBadness.Eligibility(Task(500, 0, 0, 0)));
    }
}
