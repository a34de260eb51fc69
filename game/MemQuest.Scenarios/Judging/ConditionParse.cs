// The result of reading a `check:`: a condition, or the error to report at its position.
namespace MemQuest.Scenarios.Judging;

public sealed record ConditionParse(ICondition? Condition, string? Error)
{
    public static ConditionParse Ok(ICondition c) => new(c, null);
    public static ConditionParse Fail(string error) => new(null, error);
}
