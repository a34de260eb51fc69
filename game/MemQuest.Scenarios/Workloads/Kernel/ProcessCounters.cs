// Per-task counters the kernel keeps (task_struct maj_flt/min_flt, swap-ins, time in direct
// reclaim), read by the service health model.
namespace MemQuest.Scenarios.Workloads.Kernel;

public readonly record struct ProcessCounters(long MinorFaults, long MajorFaults, long SwapIns, long StallTicks);
