// Reading a condition's arguments: the scalar form or named keys, numbers with clear errors.
using MemQuest.Scenarios.Model;

namespace MemQuest.Scenarios.Judging.Conditions;

internal static class ConditionArgs
{
    /// <summary>The scalar form, or the named argument; null if neither is given.</summary>
    public static string? Name(ConditionSpec s, string key) => s.Scalar ?? s.Arg(key);

    public static bool TryLong(string? text, out long value) =>
        long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);

    public static string Missing(ConditionSpec s, string example) => $"'{s.Key}' needs its argument, e.g. {{ {s.Key}: {example} }}";

    /// <summary>Unknown argument names for a map-form condition.</summary>
    public static string? Unknown(ConditionSpec s, params string[] allowed)
    {
        string? bad = s.Args.Keys.FirstOrDefault(k => !allowed.Contains(k));
        return bad is null ? null : $"'{s.Key}' has no argument '{bad}'; it takes {string.Join(", ", allowed)}";
    }
}
