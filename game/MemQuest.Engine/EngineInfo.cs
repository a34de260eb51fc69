// Not a kernel model: the engine's behaviour version. Bump it whenever any simulated number,
// decision or output format changes, so recorded runs and golden digests are re-checked.
namespace MemQuest.Engine;

public static class EngineInfo
{
    public const int Version = 3;
    public const string KernelRelease = "6.18.0-memquest";
}
