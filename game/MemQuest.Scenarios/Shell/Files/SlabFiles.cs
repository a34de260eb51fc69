// Registers the slab and vmalloc files (kernel-spec §5.4, §7): /proc/slabinfo, /proc/vmallocinfo
// and /sys/kernel/slab/NAME/ATTR, where NAME is a cache's directory (its name, or :tags-size for
// a mergeable cache) or any name merged into it (the kernel's symlinks).
using MemQuest.Engine;
using MemQuest.Engine.Procfs;
using MemQuest.Engine.Slab;

namespace MemQuest.Scenarios.Shell.Files;

public static class SlabFiles
{
    private const string SysSlab = "/sys/kernel/slab/";

    public static void Register(VirtualFiles files, Machine m)
    {
        files.Add("/proc/slabinfo", VirtualFile.ReadOnly(() => Slabinfo.Render(m.Slab)));
        files.Add("/proc/vmallocinfo", VirtualFile.ReadOnly(() => Vmallocinfo.Render(m.Vmalloc)));
        files.AddProvider(SysSlab, path => Resolve(m, path), () => List(m));
    }

    private static VirtualFile? Resolve(Machine m, string path)
    {
        string rest = path[SysSlab.Length..];
        int slash = rest.IndexOf('/');
        if (slash <= 0) return null;
        KmemCache? cache = FindDirectory(m.Slab, rest[..slash]);
        string attribute = rest[(slash + 1)..];
        if (cache is null || SlabSysfs.Read(cache, attribute) is null) return null;
        return VirtualFile.ReadOnly(() => SlabSysfs.Read(cache, attribute)!);
    }

    private static KmemCache? FindDirectory(SlabAllocator slab, string name) =>
        slab.Find(name) ?? slab.Caches.FirstOrDefault(c => c.SysfsName == name);

    private static IEnumerable<string> List(Machine m)
    {
        foreach (KmemCache c in m.Slab.Caches)
            foreach (string attribute in SlabSysfs.Attributes)
                yield return SysSlab + c.SysfsName + "/" + attribute;
    }
}
