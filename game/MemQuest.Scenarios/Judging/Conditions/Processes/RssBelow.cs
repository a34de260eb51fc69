// rss-below: { name: PROCESS, max_kb: N }: the process's resident set (VmRSS) is below N kB now.
using MemQuest.Engine;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Processes;

namespace MemQuest.Scenarios.Judging.Conditions.Processes;

internal sealed class RssBelow(string name, long maxKb) : ICondition
{
    public Mechanism Needs => Mechanism.AnonFaults;

    public static ConditionParse Parse(ConditionSpec s)
    {
        if (ConditionArgs.Unknown(s, "name", "max_kb") is { } bad) return ConditionParse.Fail(bad);
        return s.Arg("name") is { } n && ConditionArgs.TryLong(s.Arg("max_kb"), out long kb) && kb > 0
            ? ConditionParse.Ok(new RssBelow(n, kb))
            : ConditionParse.Fail(ConditionArgs.Missing(s, "{ name: billing-api, max_kb: 1048576 }"));
    }

    public ConditionResult Evaluate(JudgeContext c)
    {
        WorkloadProcess? p = c.Services.Find(name);
        long rssKb = p is { Pid: > 0 } ? Units.K(c.Machine.Processes.Find(p.Pid)?.Mm?.RssPages ?? 0) : 0;
        return ConditionResult.Of(p is { Running: true } && rssKb < maxKb, ("name", name), ("rss_kb", rssKb), ("max_kb", maxKb));
    }
}
