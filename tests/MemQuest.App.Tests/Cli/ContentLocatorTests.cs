using MemQuest.App.Cli;

namespace MemQuest.App.Tests.Cli;

public sealed class ContentLocatorTests : IDisposable
{
    private readonly string _tmp = Path.Combine(Path.GetTempPath(), "memquest-locator-" + Guid.NewGuid().ToString("N"));

    public ContentLocatorTests() => Directory.CreateDirectory(Path.Combine(_tmp, "content"));

    public void Dispose() => Directory.Delete(_tmp, recursive: true);

    [Fact]
    public void Resolve_OptionGiven_WinsOverEverything() =>
        Assert.Equal(Path.Combine(_tmp, "mine"), ContentLocator.Resolve("mine", "/env", _tmp, "/exe"));

    [Fact]
    public void Resolve_NoOption_UsesEnvironment() =>
        Assert.Equal("/env/content", ContentLocator.Resolve(null, "/env/content", _tmp, "/exe"));

    [Fact]
    public void Resolve_NothingSet_FindsContentInAParentFolder()
    {
        string deep = Path.Combine(_tmp, "a", "b");
        Directory.CreateDirectory(deep);
        Assert.Equal(Path.Combine(_tmp, "content"), ContentLocator.Resolve(null, null, deep, "/exe"));
    }

    [Fact]
    public void Resolve_NoFolderAnywhere_FallsBackNextToTheExecutable()
    {
        string isolated = Path.Combine(Path.GetTempPath(), "memquest-none-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(isolated);
        try
        {
            string got = ContentLocator.Resolve("", "", isolated, "/opt/memquest");
            Assert.Equal("/opt/memquest/content", got);
        }
        finally { Directory.Delete(isolated); }
    }
}
