// Models struct mem_cgroup (mm/memcontrol.c, include/linux/memcontrol.h) for the cgroup v2
// interface, kernel-spec §14.1: one directory under /sys/fs/cgroup with its page counter
// (memory.current, hierarchical), memory.max and memory.high, failcnt, the memory.events counters
// (hierarchical, like memcg_memory_event), the group's own vm event counters (memcg->vmstats
// events_local: faults of its tasks, the reclaim of its lruvec) and the member tasks in attach order.
// Invariants: UsagePages = the pages charged to this group and its descendants; the root group is
//   never limited and never charged (cgroup v2 has no memory.current at the root).
using MemQuest.Engine.Mm;

namespace MemQuest.Engine.Memcg;

public sealed class MemCgroup
{
    /// <summary>PAGE_COUNTER_MAX (include/linux/page_counter.h): LONG_MAX / PAGE_SIZE pages, read as "max".</summary>
    public const long Unlimited = long.MaxValue / Units.PageSize;

    private readonly List<MemCgroup> _children = [];
    private readonly List<Process> _procs = [];
    /// <summary>How many times each task is in _procs, for an O(1) membership test.</summary>
    private readonly Dictionary<Process, int> _procCounts = new(ReferenceEqualityComparer.Instance);

    public MemCgroup(int id, string name, MemCgroup? parent)
    {
        Id = id;
        Name = name;
        Parent = parent;
        parent?._children.Add(this);
    }

    public int Id { get; }
    public string Name { get; }
    public MemCgroup? Parent { get; }
    public bool IsRoot => Parent is null;

    /// <summary>The cgroup path printed by the kernel (oom_memcg=/web, task_memcg=/web/api), "/" for the root.</summary>
    public string Path => Parent is null ? "/" : Parent.IsRoot ? "/" + Name : Parent.Path + "/" + Name;

    public IReadOnlyList<MemCgroup> Children => _children;
    /// <summary>cgroup.procs: member processes in attach order (the css_set task list order).</summary>
    public IReadOnlyList<Process> Procs => _procs;

    /// <summary>memory.max in pages (Unlimited = "max").</summary>
    public long MaxPages { get; set; } = Unlimited;
    /// <summary>memory.high in pages (Unlimited = "max").</summary>
    public long HighPages { get; set; } = Unlimited;
    /// <summary>page_counter usage: memory.current in pages (this group and its descendants).</summary>
    public long UsagePages { get; internal set; }
    /// <summary>memory.failcnt: charges that hit memory.max.</summary>
    public long Failcnt { get; internal set; }

    /// <summary>memory.events (hierarchical): low, high, max, oom, oom_kill, oom_group_kill.</summary>
    public long[] Events { get; } = new long[6];

    /// <summary>count_memcg_events: this group's own vm events (memory.stat sums them over the subtree).</summary>
    public long[] VmEventsLocal { get; } = new long[(int)Vmstat.VmEventItem.Count];

    /// <summary>The same counting as a delegate, for ScanControl.MemcgEvents (made once).</summary>
    internal Action<Vmstat.VmEventItem, long> EventSink => _eventSink ??= (item, n) => VmEventsLocal[(int)item] += n;
    private Action<Vmstat.VmEventItem, long>? _eventSink;

    internal void AddProc(Process p)
    {
        _procs.Add(p);
        _procCounts[p] = _procCounts.GetValueOrDefault(p) + 1;
    }

    internal void RemoveProc(Process p)
    {
        if (!_procs.Remove(p)) return;
        if (_procCounts[p] == 1) _procCounts.Remove(p);
        else _procCounts[p]--;
    }

    /// <summary>Whether <paramref name="p"/> is listed in Procs.</summary>
    internal bool HasProc(Process p) => _procCounts.ContainsKey(p);
    internal void RemoveChild(MemCgroup c) => _children.Remove(c);

    public void AddToDigest(DigestWriter w)
    {
        w.Add(Id); w.Add(Path); w.Add(MaxPages); w.Add(HighPages); w.Add(UsagePages); w.Add(Failcnt);
        foreach (long e in Events) w.Add(e);
        foreach (long e in VmEventsLocal) w.Add(e);
        foreach (Process p in _procs) w.Add(p.Pid);
    }
}
