// Registers the page-cache subsystem's files: /proc/vmstat, /proc/swaps, /proc/sys/vm/drop_caches
// (so the kernel log names the shell that wrote it) and, last, every path of the simulated
// filesystem: reading a regular file goes through the page cache (`cat FILE > /dev/null` warms it).
using MemQuest.Engine;
using MemQuest.Engine.Filemap;
using MemQuest.Engine.Procfs;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Files;

public static class PageCacheFiles
{
    public static void Register(VirtualFiles files, Machine m, ShellContext context)
    {
        files.Add("/proc/vmstat", VirtualFile.ReadOnly(() => Vmstat.Render(Vmstat.Compute(m))));
        files.Add("/proc/swaps", VirtualFile.ReadOnly(() => SwapsText(m)));
        files.Add("/proc/sys/vm/drop_caches", new VirtualFile(null, text =>
        {
            m.DropCaches.Caller = (context.ShellComm, context.ShellPid);
            return m.Sysctls.Write(SysctlCatalog.DropCaches, text);
        }));
        files.AddProvider("/", path => Resolve(m, path), () => m.Fs.AllInodes().Select(i => i.Path));
    }

    private static VirtualFile? Resolve(Machine m, string path)
    {
        if (path.StartsWith("/proc/", StringComparison.Ordinal) || path.StartsWith("/sys/", StringComparison.Ordinal)) return null;
        Inode? inode = m.Fs.Lookup(path, out _);
        if (inode is null || inode.IsDirectory) return null;
        return VirtualFile.ReadOnly(() =>
        {
            m.FileIo.ReadAll(inode);
            return "";
        });
    }

    /// <summary>/proc/swaps (mm/swapfile.c swap_show): the path padded to 40 columns (at least one space),
    /// then type, size and used in kB and the priority, tab-separated (an extra tab below 10000000).</summary>
    public static string SwapsText(Machine m)
    {
        var sb = new System.Text.StringBuilder("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
        foreach (var a in m.Swap.Areas)
        {
            long size = Units.K(a.UsablePages), used = Units.K(a.InusePages);
            sb.Append(a.Path).Append(' ', Math.Max(1, 40 - a.Path.Length)).Append(a.Type).Append('\t')
              .Append(size).Append('\t').Append(size < 10000000 ? "\t" : "")
              .Append(used).Append('\t').Append(used < 10000000 ? "\t" : "").Append(a.Priority).Append('\n');
        }
        return sb.ToString();
    }
}
