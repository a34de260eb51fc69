// The console's commands, by name. Each subsystem adds its tools here (one class per file in Commands/).
using MemQuest.Scenarios.Shell.Commands;

namespace MemQuest.Scenarios.Shell;

public static class ShellCommands
{
    public static SortedDictionary<string, IShellCommand> All()
    {
        IShellCommand[] commands =
        [
            new CatCommand(),
            new ChoomCommand(),
            new DmesgCommand(),
            new EchoCommand(),
            new HelpCommand(),
            new PagesCommand(),
            new SysctlCommand(),
            new TickCommand(),
        ];
        var map = new SortedDictionary<string, IShellCommand>(StringComparer.Ordinal);
        foreach (IShellCommand c in commands) map.Add(c.Name, c);
        return map;
    }
}
