// Models enum oom_constraint (mm/oom_kill.c), kernel-spec §14.1: what limited the failed
// allocation. The sim has one NUMA node and no cpusets or mempolicies, so only None (global OOM)
// and Memcg (a memory cgroup hit memory.max) occur; the other two exist for the log text.
namespace MemQuest.Engine.Oom.Control;

public enum OomConstraint
{
    None,
    Cpuset,
    MemoryPolicy,
    Memcg,
}
