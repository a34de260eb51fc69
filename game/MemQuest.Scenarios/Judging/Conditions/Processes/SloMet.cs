// slo-met: UNIT: the service's p99 latency is within its SLO now (a down service never is).
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Processes;

namespace MemQuest.Scenarios.Judging.Conditions.Processes;

internal sealed class SloMet(string unit) : ICondition
{
    public Mechanism Needs => Mechanism.Spawn;

    public static ConditionParse Parse(ConditionSpec s) =>
        ConditionArgs.Name(s, "service") is { } n ? ConditionParse.Ok(new SloMet(n)) : ConditionParse.Fail(ConditionArgs.Missing(s, "nginx"));

    public ConditionResult Evaluate(JudgeContext c)
    {
        WorkloadProcess? p = c.Services.Find(unit);
        bool met = p is { Running: true } && p.P99Ms <= p.SloP99Ms;
        string p99 = p is null || p.P99Ms == ServiceHealth.DownP99Ms ? "down" : $"{p.P99Ms} ms";
        return ConditionResult.Of(met, ("service", unit), ("p99", p99), ("slo_ms", p?.SloP99Ms ?? 0));
    }
}
