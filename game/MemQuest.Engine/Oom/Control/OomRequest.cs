// Models the input half of struct oom_control (mm/oom_kill.c), kernel-spec §14 and architecture
// E3: the failed allocation's order and gfp mask, the constraint, the allocating task ("current")
// and, for a memcg OOM, the group that hit its limit (its cgroup path, e.g. "/web").
using MemQuest.Engine.Mm;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Oom.Control;

public sealed record OomRequest(int Order, GfpFlags GfpMask, OomConstraint Constraint)
{
    /// <summary>The task whose allocation failed; null for a kernel worker's allocation.</summary>
    public Process? Current { get; init; }

    /// <summary>The OOM-ing memory cgroup for CONSTRAINT_MEMCG, as its path ("/" is the root).</summary>
    public string? MemcgPath { get; init; }
}
