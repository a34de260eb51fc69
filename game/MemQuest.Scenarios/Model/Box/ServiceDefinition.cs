// The systemd side of a process: unit name, its config file (real key names mapped onto workload
// parameters, so `edit` changes what the workload does after a restart), environment, and the
// service-level objective its health metric is judged against.
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Model.Box;

public sealed record ServiceDefinition(
    string Unit,
    string? ConfigPath,
    IReadOnlyList<ConfigSetting> Config,
    IReadOnlyDictionary<string, string> Environment,
    long SloP99Ms,
    bool Protected);
