// The OOM scope of a box without memory cgroups: every task is in the root cgroup "/", and no
// memcg OOM can happen (kernel-spec §14.1).
using MemQuest.Engine.Mm;

namespace MemQuest.Engine.Oom.Seams;

public sealed class GlobalOomScope : IOomScope
{
    public IEnumerable<Process> MemcgTasks(string memcgPath) => [];

    public long MemcgTotalPages(string memcgPath) =>
        throw new InvalidOperationException($"no memory cgroup {memcgPath}: this box has none");

    public string TaskMemcgPath(Process task) => "/";

    public IEnumerable<string> MemcgInfoLines(string memcgPath) => [];

    public void CountOomKill(Process victim) { }
}
