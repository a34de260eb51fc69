// One parameter a workload kind accepts: its name (with its unit), type, default and meaning.
namespace MemQuest.Scenarios.Workloads;

public sealed record WorkloadParam(string Name, ParamType Type, string Default, string Description, IReadOnlyList<string>? Choices = null)
{
    public static WorkloadParam Size(string name, string dflt, string description) => new(name, ParamType.SizeKb, dflt, description);
    public static WorkloadParam Count(string name, string dflt, string description) => new(name, ParamType.Count, dflt, description);
    public static WorkloadParam Ticks(string name, string dflt, string description) => new(name, ParamType.Ticks, dflt, description);
    public static WorkloadParam Flag(string name, string dflt, string description) => new(name, ParamType.Flag, dflt, description);
    public static WorkloadParam Text(string name, string dflt, string description) => new(name, ParamType.Text, dflt, description);
    public static WorkloadParam Choice(string name, string dflt, string description, params string[] choices) => new(name, ParamType.Choice, dflt, description, choices);

    /// <summary>Why <paramref name="text"/> is not a valid value, or null if it is.</summary>
    public string? Check(string text) => Type switch
    {
        ParamType.SizeKb => SizeText.TryParseKb(text, out _) ? null : $"'{text}' is not a size; write it as 64k, 512M or 3G",
        ParamType.Count or ParamType.Ticks => long.TryParse(text, out long n) && n >= 0 ? null : $"'{text}' is not a whole number >= 0",
        ParamType.Flag => text is "on" or "off" or "true" or "false" ? null : $"'{text}' is not a flag; write on or off",
        ParamType.Choice => Choices!.Contains(text) ? null : $"'{text}' is not one of {string.Join(", ", Choices!)}",
        _ => null,
    };
}
