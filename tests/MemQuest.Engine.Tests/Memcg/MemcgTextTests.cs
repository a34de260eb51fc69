using MemQuest.Engine.Memcg;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Tests.Memcg;

public sealed class MemcgTextTests
{
    [Theory]                       // page_counter_memparse: bytes, K/M/G suffixes, "max", rounded down to pages
    [InlineData("max\n", MemCgroup.Unlimited)]
    [InlineData("100M\n", 25600)]
    [InlineData("1G", 262144)]
    [InlineData("64k", 16)]
    [InlineData("4096", 1)]
    [InlineData("4095", 0)]
    [InlineData("0x100000", 256)]
    [InlineData("\n", 0)]
    public void ParseLimit_Accepted(string text, long pages)
    {
        Assert.Equal(Errno.Ok, MemcgText.ParseLimit(text, out long got));
        Assert.Equal(pages, got);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("12abc")]
    [InlineData("10 M")]
    [InlineData("unlimited")]
    public void ParseLimit_Garbage_Einval(string text) => Assert.Equal(Errno.EINVAL, MemcgText.ParseLimit(text, out _));

    [Fact]
    public void Limit_MaxAndBytes()
    {
        Assert.Equal("max\n", MemcgText.Limit(MemCgroup.Unlimited));
        Assert.Equal("20971520\n", MemcgText.Limit(5120));
    }

    [Fact]
    public void Unlimited_IsPageCounterMax_AndPrintsAsTheKernelDoes()
    {
        Assert.Equal(2251799813685247, MemCgroup.Unlimited);
        Assert.Equal(9007199254740988, Units.K(MemCgroup.Unlimited));
    }

    [Fact]
    public void Events_SixCountersInKernelOrder()
    {
        var g = new MemCgroup(1, "web", new MemCgroup(0, "", null));
        MemcgCharge.MemoryEvent(g, MemcgEvent.Oom);
        MemcgCharge.MemoryEvent(g, MemcgEvent.OomKill);
        MemcgCharge.MemoryEvent(g, MemcgEvent.Max);
        Assert.Equal("low 0\nhigh 0\nmax 1\noom 1\noom_kill 1\noom_group_kill 0\n", MemcgText.Events(g));
    }

    [Fact]
    public void MemoryEvent_PropagatesToAncestorsButNotRoot()
    {
        var root = new MemCgroup(0, "", null);
        var parent = new MemCgroup(1, "web", root);
        var child = new MemCgroup(2, "api", parent);
        MemcgCharge.MemoryEvent(child, MemcgEvent.OomKill);
        Assert.Equal((1L, 1L, 0L), (child.Events[(int)MemcgEvent.OomKill], parent.Events[(int)MemcgEvent.OomKill], root.Events[(int)MemcgEvent.OomKill]));
        Assert.Equal("/web/api", child.Path);
    }

    [Fact]
    public void StatLines_NameSpaceValue()
    {
        Assert.Equal(["anon 8192", "file 0"], MemcgText.StatLines([("anon", 8192), ("file", 0)]));
    }
}
