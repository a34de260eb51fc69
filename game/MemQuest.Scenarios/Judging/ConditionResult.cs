// Whether a condition holds now, and the facts behind it for the player's sentence.
namespace MemQuest.Scenarios.Judging;

public sealed record ConditionResult(bool Met, IReadOnlyDictionary<string, string> Facts)
{
    public static ConditionResult Of(bool met, params (string Key, object Value)[] facts) =>
        new(met, facts.ToDictionary(f => f.Key, f => Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
}
