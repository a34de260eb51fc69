// Joined events (tickets kept per profile) and the list of unfinished runs Continue picks from.
using MemQuest.Persistence.Documents;

namespace MemQuest.Persistence.Tests;

public sealed class JoinedEventTests
{
    [Fact]
    public void JoinEvent_RoundTrip_AgainReplacesTheTicket_DeleteProfileDropsIt()
    {
        using var saves = new TempSaves();
        int ada, bo;
        using (var saveLock = saves.Lock())
        using (var store = SaveStore.Open(saveLock, saves.Clock).Store!)
        {
            ada = store.CreateProfile("Ada").Id;
            bo = store.CreateProfile("Bo").Id;
            store.JoinEvent(ada, "day", "{\"v\":1}");
            store.JoinEvent(ada, "day", "{\"v\":2}");
            store.JoinEvent(ada, "cohort", "{}");
            store.JoinEvent(bo, "day", "{\"bo\":1}");
        }
        var (lock2, reopened) = saves.OpenStore();
        using (lock2)
        using (reopened)
        {
            Assert.Equal(["cohort", "day"], reopened.ListEvents(ada).Select(e => e.EventId));
            JoinedEventDocument day = reopened.ListEvents(ada)[1];
            Assert.Equal("{\"v\":2}", day.TicketJson);
            Assert.Equal(saves.Clock.GetUtcNow().UtcDateTime, day.JoinedUtc);
            reopened.DeleteProfile(ada);
            Assert.Empty(reopened.ListEvents(ada));
            Assert.Equal("{\"bo\":1}", reopened.ListEvents(bo).Single().TicketJson);
        }
    }

    [Fact]
    public void JoinEvent_OversizedTicketOrNoProfile_RefusedWithAReason()
    {
        using var saves = new TempSaves();
        var (saveLock, store) = saves.OpenStore();
        using (saveLock)
        using (store)
        {
            int ada = store.CreateProfile("Ada").Id;
            var big = Assert.Throws<SaveException>(() => store.JoinEvent(ada, "day", new string('x', SaveStore.TicketMaxChars + 1)));
            Assert.Contains("over the limit", big.Message);
            Assert.Throws<SaveException>(() => store.JoinEvent(ada + 7, "day", "{}"));
            Assert.Empty(store.ListEvents(ada));
        }
    }

    [Fact]
    public void ListUnfinished_NewestFirst_OnlyThisProfile()
    {
        using var saves = new TempSaves();
        var clock = new SteppingClock(saves.Clock.GetUtcNow());
        using var saveLock = saves.Lock();
        using var store = SaveStore.Open(saveLock, clock).Store!;
        int ada = store.CreateProfile("Ada").Id;
        int bo = store.CreateProfile("Bo").Id;
        store.SaveUnfinished(ada, "a", new RunLog { ScenarioId = "a" });
        store.SaveUnfinished(ada, "b", new RunLog { ScenarioId = "b" });
        store.SaveUnfinished(bo, "c", new RunLog { ScenarioId = "c" });
        Assert.Equal(["b", "a"], store.ListUnfinished(ada).Select(u => u.IncidentId));
        store.SaveUnfinished(ada, "a", new RunLog { ScenarioId = "a", EndTick = 5 });
        Assert.Equal(["a", "b"], store.ListUnfinished(ada).Select(u => u.IncidentId));
    }

    /// <summary>Each reading is a second later than the one before, so save times differ.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now = _now.AddSeconds(1);
    }
}
