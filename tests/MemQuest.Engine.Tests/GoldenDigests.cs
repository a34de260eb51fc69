// Committed digests (architecture §6.7): a change here needs an EngineInfo.Version bump and a reason.
// Version 2: slab, vmalloc, page cache, processes and memcg joined the boot state and the digest.
namespace MemQuest.Engine.Tests;

internal static class GoldenDigests
{
    public const string BootAllocStep1G = "1601FCAE402A6E166E9CBA030815969A8F3435E3C6F0A547D86ED3ADCC760666";
}
