// meminfo: { field: MemAvailable, at_least|at_most: KB }: a /proc/meminfo line now, in kB.
using MemQuest.Engine.Procfs;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Kernel;

namespace MemQuest.Scenarios.Judging.Conditions.Kernel;

internal sealed class MeminfoValue(string field, Comparison cmp) : ICondition
{
    public Mechanism Needs => Mechanism.None;

    public static ConditionParse Parse(ConditionSpec s)
    {
        if (ConditionArgs.Unknown(s, "field", "at_least", "at_most", "equals") is { } bad) return ConditionParse.Fail(bad);
        Comparison? cmp = Comparison.Read(s);
        return s.Arg("field") is { } f && cmp is not null
            ? ConditionParse.Ok(new MeminfoValue(f, cmp))
            : ConditionParse.Fail(ConditionArgs.Missing(s, "{ field: MemAvailable, at_least: 262144 }"));
    }

    public ConditionResult Evaluate(JudgeContext c)
    {
        Meminfo.Values v = Meminfo.Compute(c.Machine);
        long kb = v.Lines.FirstOrDefault(l => l.Key == field).Value;
        return ConditionResult.Of(cmp.Holds(kb), ("field", field), ("kb", kb), ("wanted", cmp));
    }
}
