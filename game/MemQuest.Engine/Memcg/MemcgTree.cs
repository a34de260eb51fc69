// Models the memory controller's hierarchy under /sys/fs/cgroup (kernel/cgroup/cgroup.c mkdir and
// rmdir, cgroup.procs migration; mm/memcontrol.c mem_cgroup_from_task), kernel-spec §14.1: groups
// in creation order, each task in exactly one group (forked children inherit their parent's).
// Invariants: the root "/" always exists; ids are never reused; a task is listed in the Procs of
//   the group it belongs to and no other; exited tasks are dropped when next looked at.
// Not modelled: cgroup.subtree_control (memory is enabled everywhere), threaded mode, migration
//   of charges (v2 leaves them with the old group, as here).
using MemQuest.Engine.Mm;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Memcg;

public sealed class MemcgTree(ProcessTable processes)
{
    private readonly List<MemCgroup> _byId = [new MemCgroup(0, "", null)];
    /// <summary>Each task's group by pid (hashed: looked up on every charged page; the digest sorts it).</summary>
    private readonly Dictionary<int, MemCgroup> _taskGroup = [];
    private readonly SortedDictionary<int, MemCgroup> _outsideGroup = new();
    /// <summary>The task GroupOf last answered for and its group: a charge asks for the same task page after
    /// page. Valid while the task stays registered there (cleared by every change of membership).</summary>
    private Process? _lastTask;
    private MemCgroup? _lastGroup;

    public MemCgroup Root => _byId[0];

    /// <summary>Called once, when the first group below the root is made (memcg accounting starts mattering).</summary>
    public Action? FirstGroupCreated { get; set; }

    /// <summary>Every group ever made, by id (removed ones stay: their charges may still be freed).</summary>
    public IReadOnlyList<MemCgroup> ById => _byId;

    /// <summary>The group at a cgroup path such as "/web" or "/web/api"; null if none.</summary>
    public MemCgroup? Find(string path)
    {
        MemCgroup g = Root;
        foreach (string part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            MemCgroup? next = g.Children.FirstOrDefault(c => c.Name == part);
            if (next is null) return null;
            g = next;
        }
        return g;
    }

    /// <summary>cgroup_mkdir (kernel/cgroup/cgroup.c): EEXIST, ENOENT for a missing parent.</summary>
    public Errno Mkdir(string path)
    {
        string p = path.TrimEnd('/');
        int slash = p.LastIndexOf('/');
        if (slash < 0 || slash == p.Length - 1) return Errno.EEXIST;
        MemCgroup? parent = Find(p[..slash]);
        if (parent is null) return Errno.ENOENT;
        string name = p[(slash + 1)..];
        if (parent.Children.Any(c => c.Name == name)) return Errno.EEXIST;
        _byId.Add(new MemCgroup(_byId.Count, name, parent));
        if (_byId.Count == 2) FirstGroupCreated?.Invoke();
        return Errno.Ok;
    }

    /// <summary>cgroup_rmdir (kernel/cgroup/cgroup.c): EBUSY while tasks or children remain.</summary>
    public Errno Rmdir(string path)
    {
        MemCgroup? g = Find(path);
        if (g is null) return Errno.ENOENT;
        if (g.IsRoot) return Errno.EBUSY;
        if (LiveProcs(g).Count > 0 || g.Children.Count > 0) return Errno.EBUSY;
        g.Parent!.RemoveChild(g);
        return Errno.Ok;
    }

    /// <summary>A write to cgroup.procs (cgroup_procs_write): move the task; ESRCH if there is none.</summary>
    public Errno Attach(int pid, MemCgroup g)
    {
        Process? p = processes.Find(pid);
        if (p is null) return Errno.ESRCH;
        if (p.IsKernelThread) return Errno.EINVAL;
        MemCgroup old = GroupOf(p);
        _lastTask = null;
        old.RemoveProc(p);
        g.AddProc(p);
        _taskGroup[p.Pid] = g;
        return Errno.Ok;
    }

    /// <summary>Put a pid that is not a simulated process (the console's own shell) in a group, so the
    /// processes it starts are born there, as after `echo $$ &gt; cgroup.procs`.</summary>
    public void AttachOutsideTask(int pid, MemCgroup g)
    {
        if (g.IsRoot) _outsideGroup.Remove(pid);
        else _outsideGroup[pid] = g;
    }

    /// <summary>mem_cgroup_from_task: the task's group; a task never attached inherits its parent's (fork).</summary>
    public MemCgroup GroupOf(Process p)
    {
        if (ReferenceEquals(p, _lastTask)) return _lastGroup!;
        if (_taskGroup.TryGetValue(p.Pid, out MemCgroup? g) && g.HasProc(p))
        {
            (_lastTask, _lastGroup) = (p, g);
            return g;
        }
        _lastTask = null;
        Process? parent = p.ParentPid == p.Pid ? null : processes.Find(p.ParentPid);
        g = _outsideGroup.TryGetValue(p.ParentPid, out MemCgroup? og) && parent is null ? og
            : parent is null ? Root : GroupOf(parent);
        g.AddProc(p);
        _taskGroup[p.Pid] = g;
        (_lastTask, _lastGroup) = (p, g);
        return g;
    }

    /// <summary>cgroup.procs: the group's live tasks in attach order (exited ones are dropped here).</summary>
    public IReadOnlyList<Process> LiveProcs(MemCgroup g)
    {
        foreach (Process p in g.Procs.Where(p => !ReferenceEquals(processes.Find(p.Pid), p)).ToList())
        {
            _lastTask = null;
            g.RemoveProc(p);
            if (_taskGroup.TryGetValue(p.Pid, out MemCgroup? owner) && owner == g) _taskGroup.Remove(p.Pid);
        }
        if (!g.IsRoot) return g.Procs;
        return processes.TaskList.Where(p => !p.IsKernelThread && GroupOf(p) == g).ToList();
    }

    /// <summary>css_for_each_descendant_pre: the group, then its descendants, parents before children.</summary>
    public IEnumerable<MemCgroup> PreOrder(MemCgroup g)
    {
        yield return g;
        foreach (MemCgroup c in g.Children)
            foreach (MemCgroup d in PreOrder(c)) yield return d;
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(_byId.Count);
        foreach (MemCgroup g in _byId) g.AddToDigest(w);
        int[] pids = [.. _taskGroup.Keys];
        Array.Sort(pids);
        foreach (int pid in pids) { w.Add(pid); w.Add(_taskGroup[pid].Id); }
        foreach (var (pid, g) in _outsideGroup) { w.Add(-pid); w.Add(g.Id); }
    }
}
