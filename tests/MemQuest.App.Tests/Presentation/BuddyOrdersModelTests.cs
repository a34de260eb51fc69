using MemQuest.App.Presentation;
using MemQuest.Engine;
using MemQuest.Engine.Procfs;

namespace MemQuest.App.Tests.Presentation;

public sealed class BuddyOrdersModelTests
{
    [Fact]
    public void Lines_BootedBox_OneRowPerZoneWithBuddyinfoCounts()
    {
        Machine m = Machine.Boot(MachineSpec.Default, 1);
        var model = BuddyOrdersModel.From(Buddyinfo.Compute(m.Node));
        IReadOnlyList<string> lines = model.Lines(76);
        Assert.StartsWith("order", lines[0]);
        Assert.Equal(1 + Buddyinfo.Compute(m.Node).Count, lines.Count);
        Assert.All(lines, l => Assert.True(l.Length <= 76));
        Assert.EndsWith(Buddyinfo.Compute(m.Node)[^1].NrFree[10].ToString(), lines[^1].TrimEnd());
    }

    [Fact]
    public void Lines_NarrowPane_ClipsToWidth()
    {
        var model = new BuddyOrdersModel([new("Normal", Enumerable.Repeat(123456L, 11).ToArray())]);
        Assert.All(model.Lines(30), l => Assert.True(l.Length <= 30));
    }

    [Theory]
    [InlineData(755, 5, "755")]
    [InlineData(123456, 5, "123k")]
    [InlineData(123456, 3, "+++")]
    [InlineData(12345678, 4, "12M")]
    public void Count_TooWide_Abbreviates(long n, int digits, string expected) => Assert.Equal(expected, BuddyOrdersModel.Count(n, digits));
}
