// oom-killed: NAME: the OOM killer has killed a process of that name since the incident began.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Kernel;

namespace MemQuest.Scenarios.Judging.Conditions.Kernel;

internal sealed class OomKilled(string name) : ICondition
{
    public Mechanism Needs => Mechanism.OomKiller;

    public static ConditionParse Parse(ConditionSpec s) =>
        ConditionArgs.Name(s, "name") is { } n ? ConditionParse.Ok(new OomKilled(n)) : ConditionParse.Fail(ConditionArgs.Missing(s, "postgres"));

    public ConditionResult Evaluate(JudgeContext c)
    {
        OomKill? k = c.Kernel.OomKillsSince(0).FirstOrDefault(k => k.Comm == name);
        string at = k is null ? "" : $"{k.Tick / 36000:D2}:{k.Tick / 600 % 60:D2}:{k.Tick / 10 % 60:D2}";
        return ConditionResult.Of(k is not null, ("name", name), ("pid", k?.Pid ?? 0), ("points", k?.Points ?? 0), ("at", at));
    }
}
