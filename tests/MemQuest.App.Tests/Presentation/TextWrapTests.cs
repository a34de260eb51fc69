using MemQuest.App.Presentation;

namespace MemQuest.App.Tests.Presentation;

public sealed class TextWrapTests
{
    [Fact]
    public void Wrap_BreaksAtSpacesKeepsNewlinesAndLongWords()
    {
        Assert.Equal("one two\nthree\nfour", TextWrap.Wrap("one two three\nfour", 8));
        Assert.Equal("a\n/a/very/long/path\nb", TextWrap.Wrap("a /a/very/long/path b", 6));
    }
}
