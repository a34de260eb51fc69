// Save slots of plays: campaign incidents under their id, event incidents apart under
// "ev.EVENT.INCIDENT", parsed back from a stored id and its run's scenario id.
using MemQuest.App.Saves;

namespace MemQuest.App.Tests.Saves;

public sealed class PlayKeyTests
{
    [Theory]
    [InlineData("netcap-buffer", null, "netcap-buffer")]
    [InlineData("netcap-buffer", "golden-day", "ev.golden-day.netcap-buffer")]
    [InlineData("ev.x", null, "ev.x")]
    public void Id_ParsesBackToTheSameKey(string scenario, string? eventId, string id)
    {
        var key = new PlayKey(scenario, eventId);
        Assert.Equal(id, key.Id);
        Assert.Equal(key, PlayKey.Parse(key.Id, scenario));
    }

    [Fact]
    public void IsOfEvent_OnlyThatEventsPlays()
    {
        Assert.True(PlayKey.IsOfEvent("ev.day.netcap-buffer", "day"));
        Assert.False(PlayKey.IsOfEvent("ev.day2.netcap-buffer", "day"));
        Assert.False(PlayKey.IsOfEvent("netcap-buffer", "day"));
        Assert.True(PlayKey.IsEventId("ev.day.netcap-buffer"));
        Assert.False(PlayKey.IsEventId("netcap-buffer"));
    }
}
