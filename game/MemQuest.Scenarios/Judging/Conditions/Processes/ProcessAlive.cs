// process-alive: NAME (a process or a service) is running now; process-dead: it is not.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Processes;

namespace MemQuest.Scenarios.Judging.Conditions.Processes;

internal sealed class ProcessAlive(string name, bool wantAlive) : ICondition
{
    public Mechanism Needs => Mechanism.Spawn;

    public static ConditionParse Parse(ConditionSpec s, bool wantAlive) =>
        ConditionArgs.Name(s, "name") is { } n ? ConditionParse.Ok(new ProcessAlive(n, wantAlive)) : ConditionParse.Fail(ConditionArgs.Missing(s, "postgres"));

    public ConditionResult Evaluate(JudgeContext c)
    {
        WorkloadProcess? p = c.Services.Find(name);
        bool alive = p is { Running: true } && c.Kernel.Alive(p.Pid);
        return ConditionResult.Of(alive == wantAlive, ("name", name), ("reason", p?.ExitReason ?? "stopped"),
            ("state", p?.State.ToString().ToLowerInvariant() ?? "missing"), ("restarts", p?.Restarts ?? 0));
    }
}
