// The console's commands, by name. Each subsystem adds its tools here (one class per file in Commands/).
using MemQuest.Scenarios.Shell.Commands;
using MemQuest.Scenarios.Shell.Commands.Game;
using MemQuest.Scenarios.Shell.Commands.Files;
using MemQuest.Scenarios.Shell.Commands.Malloc;
using MemQuest.Scenarios.Shell.Commands.Memory;
using MemQuest.Scenarios.Shell.Commands.Slab;
using MemQuest.Scenarios.Shell.Commands.Tasks;

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
            new SystemctlCommand(),
            new JournalctlCommand(),
            new EditCommand(),
            new ModprobeCommand(),
            new LsmodCommand(),
            new HeaptrackCommand(),
            new ValgrindCommand(),
            new HintCommand(),
            new ObjectivesCommand(),
            new SpawnCommand(), new GrowCommand(), new ForkCommand(), new KillCommand(), new PsCommand(), new PidofCommand(),
            new MallocCommand(),
            new DdCommand(),
            new FindCommand(),
            new FreeCommand(),
            new LsCommand(),
            new MkdirCommand(),
            new MkfilesCommand(),
            new MkswapCommand(),
            new RmCommand(),
            new SwaponCommand(),
            new SwapoffCommand(),
            new SyncCommand(),
            new VmstatCommand(),
            new KmallocCommand(),
            new KfreeCommand(),
            new SlabtopCommand(),
            new VmallocCommand("vmalloc"),
            new VmallocCommand("vfree"),
            new VmallocCommand("kvmalloc"),
        ];
        var map = new SortedDictionary<string, IShellCommand>(StringComparer.Ordinal);
        foreach (IShellCommand c in commands) map.Add(c.Name, c);
        return map;
    }

    /// <summary>Whether a console in <paramref name="mode"/> offers <paramref name="c"/>.</summary>
    public static bool Allowed(IShellCommand c, ShellMode mode) => mode == ShellMode.Lab ? !c.GameOnly : !c.LabOnly;
}
