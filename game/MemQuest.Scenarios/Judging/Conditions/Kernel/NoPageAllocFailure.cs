// no-page-allocation-failure: true: the page allocator has not failed a request since boot.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Kernel;

namespace MemQuest.Scenarios.Judging.Conditions.Kernel;

internal sealed class NoPageAllocFailure : ICondition
{
    public Mechanism Needs => Mechanism.None;

    public static ConditionParse Parse(ConditionSpec s) =>
        s.Scalar is "true" || s.Args.Count == 0 ? ConditionParse.Ok(new NoPageAllocFailure()) : ConditionParse.Fail("'no-page-allocation-failure' takes no arguments; write { no-page-allocation-failure: true }");

    public ConditionResult Evaluate(JudgeContext c) =>
        ConditionResult.Of(c.Machine.PageAlloc.AllocFailures == 0, ("count", c.Machine.PageAlloc.AllocFailures));
}
