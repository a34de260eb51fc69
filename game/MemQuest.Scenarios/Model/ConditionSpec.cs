// A `check:` as written in content: one condition key (process-alive, sysctl, ...) and its
// arguments, either one scalar (`process-alive: postgres`) or a map (`sysctl: { name: ..., at_least: ... }`).

namespace MemQuest.Scenarios.Model;

public sealed record ConditionSpec(string Key, string? Scalar, IReadOnlyDictionary<string, string> Args, SourcePos Pos)
{
    public string? Arg(string name) => Args.TryGetValue(name, out string? v) ? v : null;
}
