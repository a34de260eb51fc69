// The systemd side of a process: unit name, its config file (real key names mapped onto workload
// parameters, so `edit` changes what the workload does after a restart), environment, and the
// service-level objective its health metric is judged against.
namespace MemQuest.Scenarios.Model;

public sealed record ServiceDefinition(
    string Unit,
    string? ConfigPath,
    IReadOnlyList<ConfigSetting> Config,
    IReadOnlyDictionary<string, string> Environment,
    long SloP99Ms,
    bool Protected);
