// Every file the console exposes, registered subsystem by subsystem in a fixed order.
using MemQuest.Engine;
using MemQuest.Scenarios.Shell.Files;

namespace MemQuest.Scenarios.Shell;

public static class ShellFiles
{
    public static void RegisterAll(VirtualFiles files, Machine machine, ShellContext context)
    {
        PageAllocFiles.Register(files, machine);
        SysctlFiles.Register(files, machine);
        MeminfoFiles.Register(files, machine);
        ProcessFiles.Register(files, machine);
        PageCacheFiles.Register(files, machine, context);
        SlabFiles.Register(files, machine);
    }
}
