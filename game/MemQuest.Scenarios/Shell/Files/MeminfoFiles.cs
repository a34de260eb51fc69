// Registers /proc/meminfo (kernel-spec §15).
using MemQuest.Engine;
using MemQuest.Engine.Procfs;

namespace MemQuest.Scenarios.Shell.Files;

public static class MeminfoFiles
{
    public static void Register(VirtualFiles files, Machine m) =>
        files.Add("/proc/meminfo", VirtualFile.ReadOnly(() => Meminfo.Render(Meminfo.Compute(m))));
}
