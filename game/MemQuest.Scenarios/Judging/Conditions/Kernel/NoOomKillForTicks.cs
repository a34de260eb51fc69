// no-oom-kill-for-ticks: N: the OOM killer has not killed anything in the last N ticks.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Kernel;

namespace MemQuest.Scenarios.Judging.Conditions.Kernel;

internal sealed class NoOomKillForTicks(long ticks) : ICondition
{
    public Mechanism Needs => Mechanism.OomKiller;

    public static ConditionParse Parse(ConditionSpec s) =>
        ConditionArgs.TryLong(ConditionArgs.Name(s, "ticks"), out long t) && t > 0
            ? ConditionParse.Ok(new NoOomKillForTicks(t))
            : ConditionParse.Fail(ConditionArgs.Missing(s, "600"));

    public ConditionResult Evaluate(JudgeContext c)
    {
        var kills = c.Kernel.OomKillsSince(Math.Max(0, c.Tick - ticks + 1));
        return ConditionResult.Of(kills.Count == 0, ("count", kills.Count), ("seconds", ticks / 10),
            ("victims", string.Join(", ", kills.Select(k => $"{k.Comm} ({k.Pid})"))));
    }
}
