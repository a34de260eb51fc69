// Registers /proc/sys/vm/* (every knob of SysctlCatalog) and the THP mode files under
// /sys/kernel/mm/transparent_hugepage.
using MemQuest.Engine;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell.Files;

public static class SysctlFiles
{
    public const string Prefix = "/proc/sys/vm/";
    private const string ThpDir = "/sys/kernel/mm/transparent_hugepage/";

    public static void Register(VirtualFiles files, Machine m)
    {
        files.AddProvider(Prefix, path => Resolve(m, path[Prefix.Length..]),
            () => SysctlCatalog.All.Select(d => d.ProcPath));
        files.Add(ThpDir + "enabled", new VirtualFile(
            () => ThpLine(["always", "madvise", "never"], m.ThpEnabled),
            text => m.SetThpEnabled(text.Trim())));
        files.Add(ThpDir + "defrag", VirtualFile.ReadOnly(
            () => ThpLine(["always", "defer", "defer+madvise", "madvise", "never"], "madvise")));
    }

    private static VirtualFile? Resolve(Machine m, string name)
    {
        SysctlDefinition? d = SysctlCatalog.Find(name);
        if (d is null) return null;
        Func<string>? read = d.WriteOnly ? null : () =>
        {
            m.Sysctls.Read(name, out string text);
            return text;
        };
        return new VirtualFile(read, text => m.Sysctls.Write(name, text));
    }

    /// <summary>The kernel's THP mode line: every mode, the current one in brackets.</summary>
    public static string ThpLine(string[] modes, string current) =>
        string.Join(' ', modes.Select(x => x == current ? $"[{x}]" : x)) + "\n";
}
