using MemQuest.Scenarios.Events;

namespace MemQuest.Scenarios.Tests.Events;

public sealed class EventFileTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static EventDefinition Sample => new("sre-day", "SRE day: \"memory\"", ["netcap-buffer", "billing-oom"],
        new EventRules(false, 50, Start, Start.AddHours(6), 3), ["junior", "senior"], TeamScoring.BestPerIncident);

    [Fact]
    public void EventFile_WrittenThenRead_SameEvent()
    {
        EventDefinition? read = EventFile.Read(EventFile.Write(Sample), out string? error);
        Assert.Null(error);
        Assert.Equal(Sample with { Incidents = [], Brackets = [] }, read! with { Incidents = [], Brackets = [] });
        Assert.Equal(Sample.Incidents, read.Incidents);
        Assert.Equal(Sample.Brackets, read.Brackets);
    }

    [Fact]
    public void EventFile_UnknownKey_Rejected()
    {
        Assert.Null(EventFile.Read(EventFile.Write(Sample) + "prize: 100\n", out string? error));
        Assert.Contains("prize", error);
    }

    [Theory]
    [InlineData("end_utc: 2026-11-24T15:00:00Z", "end_utc: 2026-11-24T08:00:00Z", "must be after")]
    [InlineData("id: sre-day", "id: SRE Day", "id must be")]
    [InlineData("brackets: [junior, senior]", "brackets: []", "brackets must")]
    [InlineData("team_scoring: best_per_incident", "team_scoring: max", "team_scoring must")]
    [InlineData("start_utc: 2026-11-24T09:00:00Z", "start_utc: tomorrow", "UTC times")]
    public void EventFile_BadValue_RejectedWithReason(string from, string to, string reason)
    {
        string yaml = EventFile.Write(Sample);
        Assert.Contains(from, yaml);
        Assert.Null(EventFile.Read(yaml.Replace(from, to), out string? error));
        Assert.Contains(reason, error);
    }
}
