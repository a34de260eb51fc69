// The actions menu for newcomers: the usual investigations and fixes for this incident's box, each
// running a real console line. Built from what the console accepts, so a missing tool never shows.
namespace MemQuest.App.Presentation;

public static class ActionsMenu
{
    /// <param name="commands">The console's command names.</param>
    /// <param name="services">Service units on the box.</param>
    /// <param name="modules">Module names with the buf_alloc choices they take.</param>
    public static IReadOnlyList<ActionEntry> For(IEnumerable<string> commands, IEnumerable<string> services,
        IEnumerable<string> modules, IReadOnlyList<string> bufAllocChoices)
    {
        var have = new HashSet<string>(commands, StringComparer.Ordinal);
        var all = new List<(string Needs, ActionEntry Entry)>
        {
            ("objectives", new("Show the objectives", "objectives")),
            ("journalctl", new("Read the kernel log", "journalctl -k")),
            ("dmesg", new("Read the kernel log (dmesg)", "dmesg")),
            ("free", new("Memory overview", "free -m")),
            ("cat", new("Memory counters", "cat /proc/meminfo")),
            ("cat", new("Free blocks per order", "cat /proc/buddyinfo")),
            ("top", new("Processes by memory", "top -b -n 1")),
            ("slabtop", new("Slab caches", "slabtop -o")),
            ("lsmod", new("Loaded modules", "lsmod")),
        };
        foreach (string unit in services)
        {
            all.Add(("systemctl", new($"Status of {unit}", $"systemctl status {unit}")));
            all.Add(("systemctl", new($"Restart {unit}", $"systemctl restart {unit}")));
        }
        foreach (string module in modules)
            foreach (string choice in bufAllocChoices)
                all.Add(("modprobe", new($"Load {module} with {choice}", $"modprobe {module} buf_alloc={choice}")));
        all.Add(("echo", new("Drop the page cache", "sync; echo 1 > /proc/sys/vm/drop_caches")));
        all.Add(("echo", new("Compact memory", "echo 1 > /proc/sys/vm/compact_memory")));
        all.Add(("hint", new("What hints are there?", "hint")));
        all.Add(("hint", new("Buy the next hint (costs points)", "hint buy")));
        return all.Where(a => have.Contains(a.Needs)).Select(a => a.Entry).ToList();
    }

    public static IReadOnlyList<string> Lines(IReadOnlyList<ActionEntry> entries)
    {
        int width = entries.Count == 0 ? 0 : entries.Max(e => e.Label.Length);
        return entries.Select(e => e.Line(width)).ToList();
    }
}
