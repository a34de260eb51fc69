namespace MemQuest.Persistence.Tests;

public sealed class SavesLocatorTests
{
    [Fact]
    public void Resolve_OptionGiven_WinsOverEverything()
    {
        using var temp = new TempSaves();
        Assert.Equal(Path.Combine(temp.Directory, "mine"), SavesLocator.Resolve("mine", "/env", temp.Directory, "/exe"));
    }

    [Fact]
    public void Resolve_OnlyEnvironment_UsesIt()
    {
        using var temp = new TempSaves();
        Assert.Equal("/env/saves-here", SavesLocator.Resolve(null, "/env/saves-here", temp.Directory, "/exe"));
    }

    [Fact]
    public void Resolve_SavesFolderInAParent_FindsIt()
    {
        using var temp = new TempSaves();
        var saves = Directory.CreateDirectory(Path.Combine(temp.Directory, "saves")).FullName;
        var deep = Directory.CreateDirectory(Path.Combine(temp.Directory, "game", "bin")).FullName;
        Assert.Equal(saves, SavesLocator.Resolve(null, "", deep, "/exe"));
    }

    [Fact]
    public void Resolve_NothingFound_NextToExecutable()
    {
        using var temp = new TempSaves();
        var exe = Path.Combine(temp.Directory, "exe");
        Assert.Equal(Path.Combine(exe, "saves"), SavesLocator.Resolve(null, null, "/", exe));
    }
}
