// A box from content/machines/ID.yaml: RAM (MemTotal exactly), CPUs, swap, THP mode, sysctls
// written after boot, and the services every incident on this box starts with.
using MemQuest.Engine;
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Model.Box;

public sealed record MachineDefinition(
    string Id,
    string Description,
    long MemTotalKb,
    int Cpus,
    long SwapKb,
    string ThpEnabled,
    IReadOnlyList<KeyValuePair<string, string>> Sysctls,
    IReadOnlyList<ProcessDefinition> BootServices,
    SourcePos Pos)
{
    public MachineSpec ToSpec() => new(MemTotalKb, Cpus, SwapKb) { ThpEnabled = ThpEnabled, Sysctls = Sysctls };
}
