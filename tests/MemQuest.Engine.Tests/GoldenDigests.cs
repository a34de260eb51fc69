// Committed digests (architecture §6.7): a change here needs an EngineInfo.Version bump and a reason.
namespace MemQuest.Engine.Tests;

internal static class GoldenDigests
{
    public const string BootAllocStep1G = "93890C4946BB58CAA1E4371349D9C4D8C88168A505AE4B8C918A1EAF96E2E293";
}
