using MemQuest.Engine.Procfs;

namespace MemQuest.Engine.Tests.Procfs;

public sealed class ZoneinfoTests
{
    [Theory] // kernel-spec §19 fact 79
    [InlineData(131072, 31)]
    [InlineData(772915, 63)]
    [InlineData(3840, 1)]
    public void ZoneBatchsize_Fact79(long managed, long batch) => Assert.Equal(batch, Zoneinfo.ZoneBatchsize(managed));

    [Fact] // kernel-spec §19 fact 80: Normal zone, low 3048, managed 131072, 2 CPUs
    public void PagesetHighMinMax_Fact80()
    {
        long batch = Zoneinfo.ZoneBatchsize(131072);
        Assert.Equal(1524, Math.Max(3048 / 2, batch << 2));
        Assert.Equal(8192, Math.Max(131072 / 8 / 2, batch << 2));
    }

    [Fact]
    public void Compute_BootedBox_ZoneinfoListsAllFiveZonesAndNodeStatsOnce()
    {
        Machine m = Machine.Boot(new MachineSpec(24684084), 1);
        string text = Zoneinfo.Render(Zoneinfo.Compute(m.Node, m.Cpus));
        Assert.Equal(5, text.Split('\n').Count(l => l.StartsWith("Node 0, zone ")));
        Assert.Equal(1, text.Split('\n').Count(l => l == "  per-node stats"));
        Assert.Contains("        protection: (0, 0, 0, 0, 0)\nNode 0, zone   Device", text);
        Assert.EndsWith("        protection: (0, 0, 0, 0, 0)\n", text);
    }
}
