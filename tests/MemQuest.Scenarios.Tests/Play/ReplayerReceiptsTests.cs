// A replay without receipts (what the event judge and the robustness runs use) must end in exactly
// the state a replay with receipts ends in: receipts are records of kernel decisions, not state.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.Scenarios.Tests.Play;

public sealed class ReplayerReceiptsTests
{
    public static TheoryData<string> TestScenarioIds() => new(TestContentRoot.TestCatalog.Scenarios.Select(s => s.Id));

    [Theory]
    [MemberData(nameof(TestScenarioIds))]
    public void ParReplay_WithoutReceipts_SameOutcomeAndDigest(string id)
    {
        ScenarioDefinition s = TestContentRoot.TestCatalog[id];
        SessionLog log = Replayer.ParLog(s, TestContentRoot.TestCatalog.Digest);
        SessionOutcome with = Replayer.Run(s, log, 7);
        SessionOutcome without = Replayer.Run(s, log, 7, receipts: false);
        Assert.Equal(with.Digest, without.Digest);
        Assert.Equal(with.Status, without.Status);
        Assert.Equal(with.Verdicts.Select(v => (v.Met, v.Reason)), without.Verdicts.Select(v => (v.Met, v.Reason)));
        Assert.Equal(with.Metrics.MinMemAvailableKb, without.Metrics.MinMemAvailableKb);
        Assert.Equal(with.Metrics.Ticks, without.Metrics.Ticks);
        Assert.Equal(with.Metrics.SloBreachTicks.OrderBy(kv => kv.Key), without.Metrics.SloBreachTicks.OrderBy(kv => kv.Key));
        Assert.Equal(with.Metrics.Actions.Count, without.Metrics.Actions.Count);
        Assert.NotEmpty(with.Receipts.Events);
        Assert.Empty(without.Receipts.Events);
    }
}
