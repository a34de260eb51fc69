// glibc's mp_.mmap_threshold and mp_.trim_threshold (malloc/malloc.c), kernel-spec §10.
namespace MemQuest.Engine.Mm.Malloc;

public sealed record MmapThresholds(long Mmap, long Trim);
