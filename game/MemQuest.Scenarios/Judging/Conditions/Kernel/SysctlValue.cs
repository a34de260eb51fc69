// sysctl: { name: vm.KEY, at_least|at_most|equals: N }: a vm.* knob's value now.
using MemQuest.Engine.Sysctl;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Kernel;

namespace MemQuest.Scenarios.Judging.Conditions.Kernel;

internal sealed class SysctlValue(string name, Comparison cmp) : ICondition
{
    public Mechanism Needs => Mechanism.None;

    public static ConditionParse Parse(ConditionSpec s)
    {
        if (ConditionArgs.Unknown(s, "name", "at_least", "at_most", "equals") is { } bad) return ConditionParse.Fail(bad);
        string? name = s.Arg("name")?.Replace("vm.", "", StringComparison.Ordinal);
        Comparison? cmp = Comparison.Read(s);
        if (name is null || cmp is null) return ConditionParse.Fail(ConditionArgs.Missing(s, "{ name: vm.overcommit_memory, equals: 1 }"));
        if (SysctlCatalog.Find(name) is not { WriteOnly: false }) return ConditionParse.Fail($"'vm.{name}' is not a readable vm sysctl; see 'sysctl -a' in the lab");
        return ConditionParse.Ok(new SysctlValue(name, cmp));
    }

    public ConditionResult Evaluate(JudgeContext c)
    {
        long v = c.Machine.Sysctls.Get(name);
        return ConditionResult.Of(cmp.Holds(v), ("name", "vm." + name), ("value", v), ("wanted", cmp));
    }
}
