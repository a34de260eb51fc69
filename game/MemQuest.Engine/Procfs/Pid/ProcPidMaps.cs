// Models /proc/PID/maps (fs/proc/task_mmu.c show_map_vma, show_vma_header_prefix): one line per
// VMA, "start-end perms offset dev inode", padded to column 73 before the name ([heap] when the
// VMA covers the brk area, [stack], [vdso], a path), then the [vsyscall] gate area.
using System.Text;
using MemQuest.Engine.Mm;

namespace MemQuest.Engine.Procfs.Pid;

public static class ProcPidMaps
{
    private const int NameColumn = 25 + 8 * 6 - 1;

    public static string Render(MmStruct mm)
    {
        var sb = new StringBuilder();
        foreach (Vma v in mm.Space.Vmas) Line(sb, v.Start, v.End, Perms(v), v.File is null ? 0 : v.FileOffsetBytes, v.Device, v.Inode, v.Name);
        Line(sb, unchecked((long)0xffffffffff600000UL), unchecked((long)0xffffffffff601000UL), "--xp", 0, "00:00", 0, "[vsyscall]");
        return sb.ToString();
    }

    public static string Perms(Vma v) =>
        $"{(v.Has(VmFlags.Read) ? 'r' : '-')}{(v.Has(VmFlags.Write) ? 'w' : '-')}{(v.Has(VmFlags.Exec) ? 'x' : '-')}{(v.Has(VmFlags.Shared) ? 's' : 'p')}";

    public static void Line(StringBuilder sb, long start, long end, string perms, long offset, string dev, long inode, string? name)
    {
        int begin = sb.Length;
        sb.Append($"{start:x8}-{end:x8} {perms} {offset:x8} {dev} {inode} ");
        if (name is not null)
        {
            sb.Append(' ', Math.Max(0, NameColumn - (sb.Length - begin)));
            sb.Append(' ').Append(name);
        }
        sb.Append('\n');
    }
}
