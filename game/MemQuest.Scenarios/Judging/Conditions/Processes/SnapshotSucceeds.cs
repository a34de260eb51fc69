// snapshot-succeeds: UNIT: the service's latest fork-based snapshot succeeded.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Processes;

namespace MemQuest.Scenarios.Judging.Conditions.Processes;

internal sealed class SnapshotSucceeds(string unit) : ICondition
{
    public Mechanism Needs => Mechanism.Fork;

    public static ConditionParse Parse(ConditionSpec s) =>
        ConditionArgs.Name(s, "service") is { } n ? ConditionParse.Ok(new SnapshotSucceeds(n)) : ConditionParse.Fail(ConditionArgs.Missing(s, "redis-server"));

    public ConditionResult Evaluate(JudgeContext c)
    {
        WorkloadProcess? p = c.Services.Find(unit);
        return ConditionResult.Of(p?.Context.LastSnapshotOk == true, ("service", unit),
            ("failures", p?.Context.ForkFailures ?? 0), ("successes", p?.Context.ForkSuccesses ?? 0));
    }
}
