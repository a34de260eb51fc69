using MemQuest.Engine;

namespace MemQuest.Engine.Tests;

public sealed class UnitsTests
{
    [Theory] // kernel-spec §19 fact 1
    [InlineData(0UL, 0)]
    [InlineData(1UL, 1)]
    [InlineData(191UL, 8)]
    [InlineData(4095UL, 12)]
    [InlineData(2UL, 2)]
    [InlineData(3UL, 2)]
    [InlineData(4UL, 3)]
    public void Fls_Fact1_MatchesKernel(ulong x, int expected) => Assert.Equal(expected, Units.Fls(x));

    [Theory] // kernel-spec §19 fact 2
    [InlineData(4096, 0)]
    [InlineData(1, 0)]
    [InlineData(4097, 1)]
    [InlineData(8192, 1)]
    [InlineData(8193, 2)]
    [InlineData(12288, 2)]
    [InlineData(16384, 2)]
    [InlineData(100000, 5)]
    [InlineData(4194304, 10)]
    public void GetOrder_Fact2_MatchesKernel(long size, int expected) => Assert.Equal(expected, Units.GetOrder(size));

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(1UL, 1UL)]
    [InlineData(15UL, 3UL)]
    [InlineData(16UL, 4UL)]
    [InlineData(67108864UL, 8192UL)]
    [InlineData(402653184UL, 20066UL)]  // kernel-spec §3.1: 24 GiB lowmem → min_free_kbytes 20066
    [InlineData(ulong.MaxValue, 4294967295UL)]
    public void IntSqrt_ExactFloor(ulong x, ulong expected) => Assert.Equal(expected, Units.IntSqrt(x));

    [Fact]
    public void MultFrac_LargeValues_DoesNotOverflowAndFloors()
    {
        Assert.Equal(772, Units.MultFrac(772915, 10, 10000));
        Assert.Equal(long.MaxValue / 3, Units.MultFrac(long.MaxValue, 1, 3));
    }

    [Fact]
    public void GetOrder_ZeroSize_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Units.GetOrder(0));
}
