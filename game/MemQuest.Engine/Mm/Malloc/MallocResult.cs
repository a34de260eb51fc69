// What one malloc/free call did in the glibc model (kernel-spec §10): the pointer, where the chunk
// came from (the brk heap or its own mmap), and the heap after the call. A struct: the workloads make
// millions of calls a run and none keeps the result.
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Mm.Malloc;

public readonly record struct MallocResult(Errno Error, long Address, bool FromMmap, long ChunkBytes, bool HeapGrew,
    long HeapStart, long HeapEnd, long TopChunkBytes, long MappingStart = 0, long MappingBytes = 0, long TrimmedBytes = 0);
