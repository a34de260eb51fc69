using MemQuest.App.Presentation;

namespace MemQuest.App.Tests.Presentation;

public sealed class SizesTests
{
    [Theory]
    [InlineData(0, "0B")]
    [InlineData(812, "812Ki")]
    [InlineData(1536, "1.5Mi")]
    [InlineData(4194304, "4.0Gi")]
    [InlineData(24684084, "24Gi")]
    public void FromKb_Value_PrintsLikeFreeH(long kb, string expected) => Assert.Equal(expected, Sizes.FromKb(kb));
}
