// One OOM kill as the kernel reports it: when, which task, with how many badness points.
namespace MemQuest.Scenarios.Workloads.Kernel;

public sealed record OomKill(long Tick, int Pid, string Comm, long Points);
