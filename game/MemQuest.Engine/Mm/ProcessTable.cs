// Models the task list and pid allocation (kernel/pid.c alloc_pid: the next free pid after the last
// one handed out, wrapping at pid_max to 300). Iteration is in task-list (creation) order, as
// for_each_process walks it; lookups are by pid.
namespace MemQuest.Engine.Mm;

public sealed class ProcessTable
{
    public const int PidMax = 4194304;
    private const int PidWrapFloor = 300;
    private readonly SortedDictionary<int, Process> _byPid = new();
    /// <summary>The same processes hashed by pid: Find is on every fault and malloc a workload makes.</summary>
    private readonly Dictionary<int, Process> _lookup = [];
    private readonly List<Process> _taskList = [];
    private int _lastPid;
    private long _sequence;

    /// <summary>Processes in task-list order (creation order, init first).</summary>
    public IReadOnlyList<Process> TaskList => _taskList;

    /// <summary>Processes in ascending pid order.</summary>
    public IEnumerable<Process> ByPid => _byPid.Values;

    public Process? Find(int pid) => _lookup.GetValueOrDefault(pid);

    public int LastPid => _lastPid;

    /// <summary>alloc_pid: the next pid above the last one that is free.</summary>
    public int AllocPid()
    {
        int pid = _lastPid;
        for (int tries = 0; tries < PidMax; tries++)
        {
            pid = pid + 1 >= PidMax ? PidWrapFloor : pid + 1;
            if (!_lookup.ContainsKey(pid)) { _lastPid = pid; return pid; }
        }
        throw new InvalidOperationException("no free pid");
    }

    /// <summary>Set where pid allocation continues (e.g. a box that has been up for a while).</summary>
    public void SetLastPid(int pid) => _lastPid = pid;

    public void Add(Process p)
    {
        p.Sequence = _sequence++;
        _byPid.Add(p.Pid, p);
        _lookup.Add(p.Pid, p);
        _taskList.Add(p);
    }

    public void Remove(Process p)
    {
        _byPid.Remove(p.Pid);
        _lookup.Remove(p.Pid);
        _taskList.Remove(p);
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(_lastPid);
        foreach (Process p in _byPid.Values) p.AddToDigest(w);
    }
}
