// Models /proc/vmallocinfo (mm/vmalloc.c s_show, show_numa_info, show_purge_info), kernel-spec §7:
// one line per busy area in address order — "0x%pK-0x%pK %7ld", the caller (%pS), pages=,
// phys= for ioremaps, the type words and N0= — then the lazily freed ranges as
// "unpurged vm_area". Addresses print in full, as root sees them with kptr_restrict 1.
using System.Text;
using MemQuest.Engine.Vmalloc;

namespace MemQuest.Engine.Procfs;

public static class Vmallocinfo
{
    public static string Render(VmallocSpace vm)
    {
        var sb = new StringBuilder();
        foreach (VmapArea a in vm.Areas)
            if ((a.Flags & VmFlags.Unpurged) == 0) sb.Append(Line(a));
        foreach (VmapArea a in vm.Areas)
            if ((a.Flags & VmFlags.Unpurged) != 0) sb.Append($"0x{a.VaStart:x16}-0x{a.VaEnd:x16} {a.SizeBytes,7} unpurged vm_area\n");
        return sb.ToString();
    }

    /// <summary>s_show (mm/vmalloc.c): one busy area.</summary>
    public static string Line(VmapArea a)
    {
        var sb = new StringBuilder();
        sb.Append($"0x{a.VaStart:x16}-0x{a.VaEnd:x16} {a.SizeBytes,7}");
        sb.Append(' ').Append(a.Caller);
        if (a.NrPages > 0) sb.Append($" pages={a.NrPages}");
        if (a.PhysAddr != 0) sb.Append($" phys=0x{a.PhysAddr:x16}");
        if ((a.Flags & VmFlags.Ioremap) != 0) sb.Append(" ioremap");
        if ((a.Flags & VmFlags.Alloc) != 0) sb.Append(" vmalloc");
        if ((a.Flags & VmFlags.Map) != 0) sb.Append(" vmap");
        if ((a.Flags & VmFlags.Vpages) != 0) sb.Append(" vpages");
        if (a.NrPages > 0) sb.Append($" N0={a.NrPages}");
        return sb.Append('\n').ToString();
    }
}
