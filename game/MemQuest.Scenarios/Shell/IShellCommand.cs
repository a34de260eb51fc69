// One console command (a real tool such as `free` or `sysctl`, or a lab helper such as `pages`).
// Implementations live in Shell/Commands, one per file, and are listed in ShellCommands.
namespace MemQuest.Scenarios.Shell;

public interface IShellCommand
{
    /// <summary>argv[0].</summary>
    string Name { get; }

    /// <summary>One line for `help`, e.g. "pages alloc ORDER [COUNT] [--migratetype TYPE]   take blocks from the buddy allocator".</summary>
    string Synopsis { get; }

    /// <summary>Lab-only helpers (spawn, grow, pages, kmalloc...) are not available in the game's console.</summary>
    bool LabOnly { get; }

    /// <summary>Incident-only commands (systemctl, journalctl, hint...) need a running incident; the lab has none.</summary>
    bool GameOnly => false;

    ShellResult Run(ShellContext context, IReadOnlyList<string> argv);
}
