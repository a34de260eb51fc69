// Committed digests (architecture §6.7): a change here needs an EngineInfo.Version bump and a reason.
// Version 2: slab, vmalloc, page cache, processes and memcg joined the boot state and the digest.
// Version 3: the C library cached at boot, /dev and /dev/shm (tmpfs), workingset shadows, CPU time,
//   memcg group LRU mirrors and events, THP split queue, pgalloc/pgfree counts, module printks.
namespace MemQuest.Engine.Tests;

internal static class GoldenDigests
{
    public const string BootAllocStep1G = "D6888B0393CF50E37533D2740B3EC946156E3E1CBEDA10FD262A58633B799109";
}
