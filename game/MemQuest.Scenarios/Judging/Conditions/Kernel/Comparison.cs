// at_least / at_most / equals on a number, read from a condition's arguments.
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Judging.Conditions.Kernel;

namespace MemQuest.Scenarios.Judging.Conditions.Kernel;

internal sealed record Comparison(string Op, long Value)
{
    public static Comparison? Read(ConditionSpec s)
    {
        foreach (string op in new[] { "at_least", "at_most", "equals" })
            if (ConditionArgs.TryLong(s.Arg(op), out long v)) return new Comparison(op, v);
        return null;
    }

    public bool Holds(long actual) => Op switch { "at_least" => actual >= Value, "at_most" => actual <= Value, _ => actual == Value };

    public override string ToString() => $"{Op.Replace('_', ' ')} {Value}";
}
