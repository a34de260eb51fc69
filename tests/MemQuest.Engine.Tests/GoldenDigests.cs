// Committed digests (architecture §6.7): a change here needs an EngineInfo.Version bump and a reason.
// Version 2: slab, vmalloc, page cache, processes and memcg joined the boot state and the digest.
namespace MemQuest.Engine.Tests;

internal static class GoldenDigests
{
    public const string BootAllocStep1G = "2992C5DA7DC46ED6B45A5E2EC1C33AEEEC9F8C0C7C7AC5B1E76D890A52DCBE49";
}
