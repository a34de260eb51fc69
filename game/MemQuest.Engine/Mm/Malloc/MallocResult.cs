// What one malloc/free call did in the glibc model (kernel-spec §10): the pointer, where the chunk
// came from (the brk heap or its own mmap), and the heap after the call.
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Mm.Malloc;

public sealed record MallocResult(Errno Error, long Address, bool FromMmap, long ChunkBytes, bool HeapGrew,
    long HeapStart, long HeapEnd, long TopChunkBytes, long MappingStart = 0, long MappingBytes = 0, long TrimmedBytes = 0);
