// Registers the page allocator's files: /proc/buddyinfo, /proc/pagetypeinfo, /proc/zoneinfo and the
// debugfs fragmentation indices (kernel-spec §4).
using MemQuest.Engine;
using MemQuest.Engine.Procfs;

namespace MemQuest.Scenarios.Shell.Files;

public static class PageAllocFiles
{
    public static void Register(VirtualFiles files, Machine m)
    {
        files.Add("/proc/buddyinfo", VirtualFile.ReadOnly(() => Buddyinfo.Render(m.Node)));
        files.Add("/proc/pagetypeinfo", VirtualFile.ReadOnly(() => Pagetypeinfo.Render(m.Node)));
        files.Add("/proc/zoneinfo", VirtualFile.ReadOnly(() => Zoneinfo.Render(Zoneinfo.Compute(m.Node, m.Cpus))));
        files.Add("/sys/kernel/debug/extfrag/unusable_index", VirtualFile.ReadOnly(() => Extfrag.RenderUnusable(m.Node)));
        files.Add("/sys/kernel/debug/extfrag/extfrag_index", VirtualFile.ReadOnly(() => Extfrag.RenderExtfrag(m.Node)));
    }
}
