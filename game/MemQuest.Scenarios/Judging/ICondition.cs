// One `check:` kind, evaluated against the live box every tick. Conditions read state; they never
// change it. Facts fill the placeholders of the objective's `unmet` sentence ({count}, {p99_ms}...).
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Judging;

public interface ICondition
{
    /// <summary>The engine mechanisms without which this condition could not fail (or not pass) honestly.</summary>
    Mechanism Needs { get; }

    ConditionResult Evaluate(JudgeContext context);
}
