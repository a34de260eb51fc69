// A saves folder of its own for one test, the test content, and direct access to the save (the
// game must have quit: it holds the lock while it runs).
using MemQuest.App.Cli;
using MemQuest.App.Events;
using MemQuest.App.Tests.Events;
using MemQuest.App.Tests.Screens;
using MemQuest.Persistence;
using MemQuest.Persistence.Documents;
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Tests.Saves;

internal sealed class TempGame : IDisposable
{
    public string Saves { get; } = Path.Combine(Path.GetTempPath(), "memquest-tui-saves-" + Guid.NewGuid().ToString("N"));

    public GameOptions Options => new(ContentRoot: TestIncident.ContentRoot, SavesDirectory: Saves);

    public T WithStore<T>(Func<SaveStore, T> use)
    {
        using SaveLock saveLock = SaveLock.TryAcquire(Saves) ?? throw new InvalidOperationException("the save is still locked");
        SaveOpenResult opened = SaveStore.Open(saveLock, TimeProvider.System);
        using SaveStore store = opened.Store ?? throw new InvalidOperationException(opened.Message);
        return use(store);
    }

    public ProfileDocument CreateProfile(string name) => WithStore(s => s.CreateProfile(name));

    /// <summary>Ada (team red, junior) makes a profile and joins <paramref name="fixture"/>'s event with her
    /// ticket file, as `memquest event join` does.</summary>
    public (ProfileDocument Profile, Ticket Ticket) JoinAsAda(EventFixture fixture)
    {
        ProfileDocument ada = CreateProfile("Ada");
        Ticket ticket = fixture.TicketFor("Ada", "red", "junior");
        string file = Path.Combine(fixture.Root, "ada.ticket.json");
        File.WriteAllText(file, TicketFile.Write(ticket));
        var err = new StringWriter();
        Assert.True(EventPlayer.Join(file, Saves, TextWriter.Null, err) == ExitCodes.Ok, err.ToString());
        return (ada, ticket);
    }

    public void Dispose()
    {
        try { Directory.Delete(Saves, recursive: true); }
        catch (IOException) { }
    }
}
