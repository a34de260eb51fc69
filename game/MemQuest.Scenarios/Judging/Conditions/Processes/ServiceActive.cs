// service-active: UNIT is active (running) now.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Processes;

namespace MemQuest.Scenarios.Judging.Conditions.Processes;

internal sealed class ServiceActive(string unit) : ICondition
{
    public Mechanism Needs => Mechanism.Spawn;

    public static ConditionParse Parse(ConditionSpec s) =>
        ConditionArgs.Name(s, "service") is { } n ? ConditionParse.Ok(new ServiceActive(n)) : ConditionParse.Fail(ConditionArgs.Missing(s, "postgresql"));

    public ConditionResult Evaluate(JudgeContext c)
    {
        WorkloadProcess? p = c.Services.Find(unit);
        return ConditionResult.Of(p is { Running: true }, ("service", unit), ("state", p?.State.ToString().ToLowerInvariant() ?? "missing"), ("restarts", p?.Restarts ?? 0));
    }
}
