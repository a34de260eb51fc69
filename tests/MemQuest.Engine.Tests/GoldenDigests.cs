// Committed digests (architecture §6.7): a change here needs an EngineInfo.Version bump and a reason.
// Version 2: slab, vmalloc, page cache, processes and memcg joined the boot state and the digest.
namespace MemQuest.Engine.Tests;

internal static class GoldenDigests
{
    public const string BootAllocStep1G = "D9BBFFF17E75FF7B97FFD76A47B746B62BDDBDB14A39EF021283DF82AD3A401E";
}
