using MemQuest.Engine.Events;

namespace MemQuest.Engine.Tests.Events;

public sealed class KmsgTests
{
    [Theory]
    [InlineData(0, "[    0.000000] ")]
    [InlineData(12345, "[   12.345000] ")]
    [InlineData(100, "[    0.100000] ")]
    [InlineData(123456789, "[123456.789000] ")]
    public void Stamp_DmesgFormat(long uptimeMs, string expected) => Assert.Equal(expected, Kmsg.Stamp(uptimeMs));

    [Fact]
    public void Printk_StampsWithTheClockAtLoggingTime()
    {
        long now = 1500;
        var k = new Kmsg(() => now);
        k.Printk("first");
        now = 2600;
        k.Printk("second");
        Assert.Equal(["[    1.500000] first", "[    2.600000] second"], k.Lines);
    }

    [Fact]
    public void Printk_RingKeepsTheNewestWithinLogBufLen()
    {
        var k = new Kmsg(() => 0);
        string line = new('x', 1000);
        for (int i = 0; i < 200; i++) k.Printk(i + line);
        Assert.Equal(200, k.Written);
        Assert.True(k.Lines.Sum(l => l.Length + 1) <= Kmsg.LogBufLenBytes);
        Assert.StartsWith("[    0.000000] 199", k.Lines[^1]);
        Assert.True(k.Lines.Count < 200);
    }
}
