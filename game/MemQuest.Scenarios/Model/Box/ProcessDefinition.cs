// One process an incident starts: a name (comm), its workload (type object) with parameter
// overrides, and optionally a systemd unit with a config file (which makes it a service).
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Model.Box;

public sealed record ProcessDefinition(
    string Name,
    string WorkloadId,
    IReadOnlyDictionary<string, string> Params,
    short OomScoreAdj,
    ServiceDefinition? Service,
    SourcePos Pos)
{
    /// <summary>The unit name if this process is a service, else the process name.</summary>
    public string UnitOrName => Service?.Unit ?? Name;
}
