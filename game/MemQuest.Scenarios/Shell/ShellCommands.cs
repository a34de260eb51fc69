// The console's commands, by name. Each subsystem adds its tools here (one class per file in Commands/).
using MemQuest.Scenarios.Shell.Commands;
using MemQuest.Scenarios.Shell.Commands.Game;

namespace MemQuest.Scenarios.Shell;

public static class ShellCommands
{
    public static SortedDictionary<string, IShellCommand> All()
    {
        IShellCommand[] commands =
        [
            new CatCommand(),
            new EchoCommand(),
            new HelpCommand(),
            new PagesCommand(),
            new SysctlCommand(),
            new TickCommand(),
            new TopCommand(),
            new PidofCommand(),
            new SystemctlCommand(),
            new JournalctlCommand(),
            new EditCommand(),
            new ModprobeCommand(),
            new LsmodCommand(),
            new HeaptrackCommand(),
            new ValgrindCommand(),
            new HintCommand(),
            new ObjectivesCommand(),
        ];
        var map = new SortedDictionary<string, IShellCommand>(StringComparer.Ordinal);
        foreach (IShellCommand c in commands) map.Add(c.Name, c);
        return map;
    }

    /// <summary>Whether a console in <paramref name="mode"/> offers <paramref name="c"/>.</summary>
    public static bool Allowed(IShellCommand c, ShellMode mode) => mode == ShellMode.Lab ? !c.GameOnly : !c.LabOnly;
}
