// The OOM killer's view of memory cgroups (mm/memcontrol.c mem_cgroup_scan_tasks,
// mem_cgroup_get_max, mem_cgroup_print_oom_context/meminfo, memcg_memory_event_mm), kernel-spec
// §14.1, §14.5: a memcg OOM walks the group's tasks (and its descendants'), its totalpages is the
// limit plus the usable swap, and kills count in memory.events oom_kill; the report prints the
// group's memory.stat (v2: the failcnt shown is the memory.events "max" count).
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom.Seams;
using MemQuest.Engine.Procfs;

namespace MemQuest.Engine.Memcg;

public sealed class MemcgOomScope(MemcgTree tree, MemcgStat stat, Func<long> totalSwapPages) : IOomScope
{
    /// <summary>mem_cgroup_scan_tasks (mm/memcontrol.c): pre-order over the subtree, tasks in attach order.</summary>
    public IEnumerable<Process> MemcgTasks(string memcgPath) =>
        tree.Find(memcgPath) is { } g ? tree.PreOrder(g).SelectMany(c => tree.LiveProcs(c)).ToList() : [];

    /// <summary>mem_cgroup_get_max (mm/memcontrol.c), kernel-spec §14.1: memory.max plus the swap it may use
    /// (none when vm.swappiness is 0: the caller's totalSwapPages says so), at least 1.</summary>
    public long MemcgTotalPages(string memcgPath)
    {
        MemCgroup g = tree.Find(memcgPath) ?? throw new InvalidOperationException($"no memory cgroup {memcgPath}");
        long max = g.MaxPages + Math.Min(MemCgroup.Unlimited, totalSwapPages());
        return max == 0 ? 1 : max;
    }

    public string TaskMemcgPath(Process task) => tree.GroupOf(task).Path;

    /// <summary>mem_cgroup_print_oom_meminfo (mm/memcontrol.c) for cgroup v2.</summary>
    public IEnumerable<string> MemcgInfoLines(string memcgPath)
    {
        MemCgroup g = tree.Find(memcgPath)!;
        yield return OomReport.MemcgUsageLine("memory", g.UsagePages, g.MaxPages, g.Events[(int)MemcgEvent.Max]);   // v2: failcnt is the MEMCG_MAX count
        yield return OomReport.MemcgUsageLine("swap", 0, MemCgroup.Unlimited, 0);
        yield return $"Memory cgroup stats for {g.Path}:";
        foreach (string line in MemcgText.StatLines(stat.Compute(g))) yield return line;
    }

    /// <summary>memcg_memory_event_mm(mm, MEMCG_OOM_KILL) (mm/memcontrol.c).</summary>
    public void CountOomKill(Process victim) => MemcgCharge.MemoryEvent(tree.GroupOf(victim), MemcgEvent.OomKill);
}
