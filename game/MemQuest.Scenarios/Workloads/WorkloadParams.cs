// A workload's parameter values after defaults, content overrides and config settings, checked
// against its kind. Getters return integers in the unit the parameter's name says.
namespace MemQuest.Scenarios.Workloads;

public sealed class WorkloadParams(IReadOnlyDictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public long Kb(string name) => SizeText.TryParseKb(Values[name], out long kb) ? kb : 0;

    public long Pages(string name) => Engine.Units.KbToPages(Kb(name));

    public long Int(string name) => long.Parse(Values[name], System.Globalization.CultureInfo.InvariantCulture);

    public bool Flag(string name) => Values[name] is "on" or "true";

    public string Text(string name) => Values[name];
}
