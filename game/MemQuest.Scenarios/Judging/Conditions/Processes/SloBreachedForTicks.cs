// slo-breached-for-ticks: { service: UNIT, ticks: N }: the service has been over its SLO (or down)
// for N ticks in total since the incident began: the error budget is spent.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Processes;

namespace MemQuest.Scenarios.Judging.Conditions.Processes;

internal sealed class SloBreachedForTicks(string unit, long ticks) : ICondition
{
    public Mechanism Needs => Mechanism.Spawn;

    public static ConditionParse Parse(ConditionSpec s)
    {
        if (ConditionArgs.Unknown(s, "service", "ticks") is { } bad) return ConditionParse.Fail(bad);
        return s.Arg("service") is { } u && ConditionArgs.TryLong(s.Arg("ticks"), out long t) && t > 0
            ? ConditionParse.Ok(new SloBreachedForTicks(u, t))
            : ConditionParse.Fail(ConditionArgs.Missing(s, "{ service: nginx, ticks: 300 }"));
    }

    public ConditionResult Evaluate(JudgeContext c)
    {
        WorkloadProcess? p = c.Services.Find(unit);
        long breached = p?.SloBreachTicks ?? 0;
        return ConditionResult.Of(breached >= ticks, ("service", unit), ("breach_s", breached / 10), ("slo_ms", p?.SloP99Ms ?? 0));
    }
}
