// Committed digests (architecture §6.7): a change here needs an EngineInfo.Version bump and a reason.
namespace MemQuest.Engine.Tests;

internal static class GoldenDigests
{
    public const string BootAllocStep1G = "AD994F61978FC7F4348A0A8AF27203764029A5084B2626C137088D97406B9D80";
}
