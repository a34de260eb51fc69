using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom;

namespace MemQuest.Engine.Tests.Oom;

public sealed class OomScoreTests
{
    private static Process Task(long rss, long pgtablesBytes = 0, short adj = 0) =>
        new(1234, "t", 1, new MmStruct { RssAnonPages = rss, PgtablesBytes = pgtablesBytes }) { OomScoreAdj = adj };

    [Fact]                         // kernel-spec §19 fact 50
    public void Points_Fact50_Badness320100Of1000000_Is880() =>
        Assert.Equal(880UL, OomScore.Points(320100, 1000000));

    [Fact]                         // kernel-spec §19 fact 49
    public void ProcOomScore_Fact49_AdjMinus1000_ReadsZero() =>
        Assert.Equal("0\n", OomScore.Render(Task(100000, 0, -1000), 1000000));

    [Theory]                       // kernel-spec §19 fact 51
    [InlineData(0)]
    [InlineData(999)]
    public void ProcOomScore_Fact51_TinyProcess_Is666(long rss) =>
        Assert.Equal(666UL, OomScore.ProcOomScore(Task(rss), 1000000));

    [Theory]                       // kernel-spec §19 fact 52
    [InlineData(500, 1000UL)]
    [InlineData(1000, 1333UL)]
    public void ProcOomScore_Fact52_IdleWithAdj(short adj, ulong expected) =>
        Assert.Equal(expected, OomScore.ProcOomScore(Task(350, 0, adj), 6171021));

    [Fact]                         // kernel-spec §19 fact 53
    public void Points_Fact53_Badness263047_Is694() =>
        Assert.Equal(694UL, OomScore.Points(263047, 6171021));

    [Fact]                         // kernel-spec §19 fact 54
    public void ProcOomScore_Fact54_NegativeAdj_Is550() =>
        Assert.Equal(550UL, OomScore.ProcOomScore(Task(2000000, 4096L * 4096, -500), 6171021));

    [Fact]
    public void ProcOomScore_InitAndKernelThreads_ReadZero()
    {
        Assert.Equal(0UL, OomScore.ProcOomScore(new Process(1, "systemd", 0, new MmStruct { RssAnonPages = 5000 }), 1000000));
        Assert.Equal(0UL, OomScore.ProcOomScore(new Process(2, "kthreadd", 0, null), 1000000));
    }

    [Fact]
    public void GlobalTotalPages_RamPlusSwap()
    {
        Machine m = Machine.Boot(new MachineSpec(64 * 1024, SwapKb: 32 * 1024), 1);
        Assert.Equal(m.Node.TotalramPages + 8192, OomScore.GlobalTotalPages(m));
    }
}
