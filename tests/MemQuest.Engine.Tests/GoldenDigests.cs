// Committed digests (architecture §6.7): a change here needs an EngineInfo.Version bump and a reason.
// Version 2: slab, vmalloc, page cache, processes and memcg joined the boot state and the digest.
namespace MemQuest.Engine.Tests;

internal static class GoldenDigests
{
    public const string BootAllocStep1G = "C4AFD0EE295954AB47CFBD0A8F40A29F5B70FF6BAF48A384D94F0BC6FC668F34";
}
