using MemQuest.App.Presentation;

namespace MemQuest.App.Tests.Presentation;

public sealed class ConsoleModelTests
{
    private static ConsoleModel Model() => new("lab# ", new CompletionSources(
        () => ["cat", "echo", "free", "help", "sysctl"],
        () => ["/proc/buddyinfo", "/proc/meminfo", "/proc/sys/vm/swappiness", "/proc/sys/vm/min_free_kbytes", "/proc/4242/oom_score"],
        () => [1, 4242, 4243]));

    [Fact]
    public void Record_LineAndOutput_TranscriptHasPromptThenOutput()
    {
        ConsoleModel c = Model();
        c.Record("free", "a\nb\n");
        Assert.Equal(["lab# free", "a", "b"], c.Lines);
    }

    [Fact]
    public void PreviousNext_History_WalksBackAndReturnsToDraft()
    {
        ConsoleModel c = Model();
        c.Record("one", "");
        c.Record("two", "");
        c.Record("two", "");
        Assert.Equal("two", c.Previous("dra"));
        Assert.Equal("one", c.Previous("two"));
        Assert.Equal("one", c.Previous("one"));
        Assert.Equal("two", c.Next("one"));
        Assert.Equal("dra", c.Next("two"));
        Assert.Equal(["one", "two"], c.History);
    }

    [Theory]
    [InlineData("sys", "sysctl ")]
    [InlineData("cat /proc/me", "cat /proc/meminfo ")]
    [InlineData("cat /proc/s", "cat /proc/sys/")]
    [InlineData("cat /proc/sys/vm/sw", "cat /proc/sys/vm/swappiness ")]
    [InlineData("echo -500 > /proc/42", "echo -500 > /proc/4242/")]
    [InlineData("kill -9 424", "kill -9 424")]
    [InlineData("cat /nothing", "cat /nothing")]
    public void Complete_LastWord_CompletesCommandsPathsAndPids(string line, string expected) =>
        Assert.Equal(expected, Model().Complete(line).Line);

    [Fact]
    public void Complete_Ambiguous_ListsCandidatesAtOneDirectoryLevel()
    {
        Completion c = Model().Complete("cat /proc/sys/vm/");
        Assert.Equal("cat /proc/sys/vm/", c.Line);
        Assert.Equal(["/proc/sys/vm/min_free_kbytes", "/proc/sys/vm/swappiness"], c.Candidates);
        Assert.Equal(["4242", "4243"], Model().Complete("kill 424").Candidates);
    }

    [Fact]
    public void Wrapped_LongLine_SplitsAtWidth()
    {
        ConsoleModel c = Model();
        c.Print("abcdefgh\nxy\n");
        Assert.Equal(["abc", "def", "gh", "xy"], c.Wrapped(3));
    }

    [Fact]
    public void Print_BeyondMaxLines_DropsOldest()
    {
        var c = new ConsoleModel("$ ", CompletionSources.None, maxLines: 3);
        c.Print("1\n2\n3\n4\n");
        Assert.Equal(["2", "3", "4"], c.Lines);
    }
}
