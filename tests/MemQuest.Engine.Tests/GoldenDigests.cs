// Committed digests (architecture §6.7): a change here needs an EngineInfo.Version bump and a reason.
// Version 2: slab, vmalloc, page cache, processes and memcg joined the boot state and the digest.
namespace MemQuest.Engine.Tests;

internal static class GoldenDigests
{
    public const string BootAllocStep1G = "A6C8A3726B7CC4EEA21E59022821002DA89190449BA6973EC49194FE762254BD";
}
