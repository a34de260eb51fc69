// What a read(2) found: pages served from the page cache and pages read from disk (major faults).
namespace MemQuest.Scenarios.Workloads.Kernel;

public readonly record struct FileReadResult(long CachedPages, long DiskPages);
