// The seam between the OOM killer and memory cgroups (mm/memcontrol.c), kernel-spec §14.1,
// §14.5: which tasks a memcg OOM walks and its totalpages, the cgroup path printed for a task,
// the memcg lines of the OOM header, and the memory.events oom_kill counter. GlobalOomScope is the
// box without cgroups (every task in "/"); the Memcg subsystem provides the real one.
using MemQuest.Engine.Mm;

namespace MemQuest.Engine.Oom.Seams;

public interface IOomScope
{
    /// <summary>mem_cgroup_scan_tasks (mm/memcontrol.c): the group's tasks and its descendants', in walk order.</summary>
    IEnumerable<Process> MemcgTasks(string memcgPath);

    /// <summary>mem_cgroup_get_max (mm/memcontrol.c), kernel-spec §14.1: the limit in pages (at least 1).</summary>
    long MemcgTotalPages(string memcgPath);

    /// <summary>The path of task_cgroup(p, memory_cgrp_id), printed as task_memcg=.</summary>
    string TaskMemcgPath(Process task);

    /// <summary>mem_cgroup_print_oom_meminfo (mm/memcontrol.c): the "memory: usage ..." lines.</summary>
    IEnumerable<string> MemcgInfoLines(string memcgPath);

    /// <summary>memcg_memory_event_mm(mm, MEMCG_OOM_KILL) (mm/memcontrol.c): count the kill in memory.events.</summary>
    void CountOomKill(Process victim);
}
