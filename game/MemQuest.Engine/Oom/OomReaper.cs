// Models OOM victims and the OOM reaper (mm/oom_kill.c mark_oom_victim, tsk_is_oom_victim,
// queue_oom_reaper, wake_oom_reaper, oom_reap_task, oom_reap_task_mm), kernel-spec §14.4:
// 2 s (OOM_REAPER_DELAY) after the kill, a victim that has not exited has its private memory
// unmapped, the reaper logs what is left, and its mm gets MMF_OOM_SKIP.
// Invariants: a task is marked at most once; each victim's mm is queued at most once
//   (MMF_OOM_REAP_QUEUED); timers fire in kill order.
// Not modelled: mmap_lock contention ("oom_reaper: unable to reap pid"), mlocked/hugetlb VMAs.
using MemQuest.Engine.Events;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom.Seams;
using MemQuest.Engine.Procfs;

namespace MemQuest.Engine.Oom;

public sealed class OomReaper
{
    /// <summary>OOM_REAPER_DELAY (mm/oom_kill.c): 2*HZ = 2 s = 20 ticks of 100 ms.</summary>
    public const long OomReaperDelayTicks = 2000 / Machine.TickMilliseconds;

    private readonly List<Victim> _victims = [];

    /// <summary>tsk_is_oom_victim (include/linux/oom.h): signal->oom_mm is set.</summary>
    public bool IsOomVictim(Process task) => Find(task) is not null;

    /// <summary>Victims not yet reaped or exited (their mm lacks MMF_OOM_SKIP), in kill order.</summary>
    public IEnumerable<Process> PendingVictims => _victims.Where(v => !v.Mm.OomSkip).Select(v => v.Task);

    /// <summary>mark_oom_victim (mm/oom_kill.c): remember the victim and its mm (signal->oom_mm).</summary>
    public void MarkOomVictim(Process task)
    {
        if (Find(task) is not null || task.Mm is null) return;
        _victims.Add(new Victim(task, task.Mm));
    }

    /// <summary>queue_oom_reaper (mm/oom_kill.c): arm the 2 s timer once per mm.</summary>
    public void QueueOomReaper(Process task, long nowTick)
    {
        Victim? v = Find(task);
        if (v is null || v.ReapAtTick >= 0) return;
        v.ReapAtTick = nowTick + OomReaperDelayTicks;
    }

    /// <summary>wake_oom_reaper + oom_reap_task (mm/oom_kill.c) for every timer due at <paramref name="tick"/>.</summary>
    public void Run(long tick, ITaskExit exit, Kmsg kmsg, ProcessTable processes)
    {
        foreach (Victim v in _victims.Where(v => v.ReapAtTick >= 0 && v.ReapAtTick <= tick && !v.Fired).ToList())
        {
            v.Fired = true;
            if (v.Mm.OomSkip) continue;                 // "The victim managed to terminate on its own"
            exit.OomReapTaskMm(v.Task);
            kmsg.Printk(OomReport.ReaperLine(v.Task.Pid, v.Task.Comm, v.Mm));
            v.Mm.OomSkip = true;
        }
        _victims.RemoveAll(v => (v.Fired || v.Mm.OomSkip) && !ReferenceEquals(processes.Find(v.Task.Pid), v.Task));
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(_victims.Count);
        foreach (Victim v in _victims)
        {
            w.Add(v.Task.Pid); w.Add(v.ReapAtTick); w.Add(v.Fired ? 1 : 0); w.Add(v.Mm.OomSkip ? 1 : 0);
        }
    }

    private Victim? Find(Process task) => _victims.Find(v => ReferenceEquals(v.Task, task));

    private sealed class Victim(Process task, MmStruct mm)
    {
        public Process Task { get; } = task;
        public MmStruct Mm { get; } = mm;
        public long ReapAtTick { get; set; } = -1;
        public bool Fired { get; set; }
    }
}
