// What one out_of_memory() call (mm/oom_kill.c), kernel-spec §14.3-§14.4, ended in.
namespace MemQuest.Engine.Oom.Control;

public enum OomOutcome
{
    /// <summary>select_bad_process chose a victim and oom_kill_process sent it SIGKILL.</summary>
    Killed,
    /// <summary>vm.oom_kill_allocating_task = 1: the allocating task was killed without a scan.</summary>
    AllocatingTaskKilled,
    /// <summary>The chosen task was already exiting: marked as victim, no message, no second SIGKILL.</summary>
    VictimAlreadyExiting,
    /// <summary>The allocating task itself is exiting: it gets the reserves, nobody is killed.</summary>
    CurrentExiting,
    /// <summary>An earlier victim still holds its memory: no new victim this time.</summary>
    AbortedVictimPending,
    /// <summary>A global OOM for an allocation without __GFP_FS: "progress" without a kill.</summary>
    NoFsNoKill,
    /// <summary>Nothing killable: "Out of memory and no killable processes..." (a global OOM then panics).</summary>
    NoKillableProcess,
    /// <summary>vm.panic_on_oom made the kernel panic.</summary>
    Panicked,
}
