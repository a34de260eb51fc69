// A call site that allocates in a workload, as heaptrack and valgrind name it. Leaking sites keep
// what they allocate; SharePermille is this site's share of the workload's allocations.
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Model.Box;

public sealed record AllocationSite(string Function, string File, int Line, bool Leaks, int SharePermille);
