// A kernel module an incident offers to modprobe: its name, whether it is loaded at boot, the
// parameters it is loaded with, and the buffer it allocates at init (kmalloc or vmalloc).
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Model.Box;

public sealed record ModuleDefinition(
    string Name,
    bool LoadAtBoot,
    long BufferKb,
    IReadOnlyDictionary<string, string> Params,
    SourcePos Pos);
