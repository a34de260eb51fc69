// service-down-for-ticks: { service: UNIT, ticks: N }: the unit has not been running for N ticks in a row.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Processes;

namespace MemQuest.Scenarios.Judging.Conditions.Processes;

internal sealed class ServiceDownForTicks(string unit, long ticks) : ICondition
{
    public Mechanism Needs => Mechanism.Spawn;

    public static ConditionParse Parse(ConditionSpec s)
    {
        if (ConditionArgs.Unknown(s, "service", "ticks") is { } bad) return ConditionParse.Fail(bad);
        return s.Arg("service") is { } u && ConditionArgs.TryLong(s.Arg("ticks"), out long t) && t > 0
            ? ConditionParse.Ok(new ServiceDownForTicks(u, t))
            : ConditionParse.Fail(ConditionArgs.Missing(s, "{ service: postgresql, ticks: 600 }"));
    }

    public ConditionResult Evaluate(JudgeContext c)
    {
        WorkloadProcess? p = c.Services.Find(unit);
        long down = p is null || p.Running ? 0 : c.Tick - p.StateSinceTick;
        return ConditionResult.Of(down >= ticks, ("service", unit), ("down_s", down / 10), ("reason", p?.ExitReason ?? "stopped"));
    }
}
