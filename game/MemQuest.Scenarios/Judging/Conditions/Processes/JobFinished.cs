// job-finished: NAME: a batch job has run to completion.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Processes;

namespace MemQuest.Scenarios.Judging.Conditions.Processes;

internal sealed class JobFinished(string name) : ICondition
{
    public Mechanism Needs => Mechanism.Spawn;

    public static ConditionParse Parse(ConditionSpec s) =>
        ConditionArgs.Name(s, "name") is { } n ? ConditionParse.Ok(new JobFinished(n)) : ConditionParse.Fail(ConditionArgs.Missing(s, "nightly-report"));

    public ConditionResult Evaluate(JudgeContext c)
    {
        WorkloadProcess? p = c.Services.Find(name);
        string last = p?.Journal.LastOrDefault()?.Text ?? "no log lines";
        return ConditionResult.Of(p?.Finished == true, ("name", name), ("last_log", last));
    }
}
