// What a command runs against: the box, the files it exposes (/proc, /sys), the console mode, and
// state the lab keeps between lines (blocks handed out by `pages alloc`, objects from `kmalloc`).
using MemQuest.Engine;

namespace MemQuest.Scenarios.Shell;

public sealed class ShellContext(Machine machine, ShellMode mode, VirtualFiles files)
{
    public Machine Machine { get; } = machine;
    public ShellMode Mode { get; } = mode;
    public VirtualFiles Files { get; } = files;

    /// <summary>Blocks `pages alloc` handed out and not yet freed: pfn → order, in pfn order.</summary>
    public SortedDictionary<long, int> LabPages { get; } = new();

    /// <summary>The pid the console's own shell has (for messages like `bash (4537): drop_caches: 1`).</summary>
    public int ShellPid { get; set; } = 1;

    public string ShellComm { get; set; } = "bash";

    /// <summary>The console's terminal: programs started from it show it in ps's TTY column.</summary>
    public string Tty { get; set; } = "pts/0";

    /// <summary>The incident the game's console is attached to; null in the lab.</summary>
    public Play.Incident.IncidentState? Incident { get; set; }
}
