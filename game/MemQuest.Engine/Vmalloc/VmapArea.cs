// Models struct vmap_area + struct vm_struct (include/linux/vmalloc.h), kernel-spec §7: a range
// of kernel virtual addresses [VaStart, VaEnd) including the guard page, who asked for it, the
// physical pages mapped there and where the page array lives.
// Invariants: VaEnd - VaStart == mapped size + 4096 unless NoGuard; Pfns.Length == nr_pages.
namespace MemQuest.Engine.Vmalloc;

public sealed class VmapArea
{
    internal VmapArea(ulong vaStart, ulong vaEnd, string caller, VmFlags flags)
    {
        VaStart = vaStart;
        VaEnd = vaEnd;
        Caller = caller;
        Flags = flags;
    }

    public ulong VaStart { get; }
    public ulong VaEnd { get; }
    /// <summary>v->size: the whole range including the guard page (the vmallocinfo size column).</summary>
    public long SizeBytes => (long)(VaEnd - VaStart);
    /// <summary>The %pS of the caller, e.g. "kernel_clone+0x94/0x3e0".</summary>
    public string Caller { get; }
    public VmFlags Flags { get; internal set; }
    public long[] Pfns { get; internal set; } = [];
    public int NrPages => Pfns.Length;
    /// <summary>phys_addr of an ioremap, else 0.</summary>
    public ulong PhysAddr { get; internal set; }
    /// <summary>The kmalloc'ed page array (an address), or 0.</summary>
    public long ArrayKmalloc { get; internal set; }
    /// <summary>The vmalloc'ed page array when it exceeds a page.</summary>
    public VmapArea? ArrayArea { get; internal set; }
    /// <summary>The vm_struct (kmalloc) and vmap_area (slab) objects behind this area.</summary>
    internal long VmStructObject { get; set; }
    internal long VmapAreaObject { get; set; }

    internal void AddToDigest(DigestWriter w)
    {
        w.Add((long)VaStart);
        w.Add((long)VaEnd);
        w.Add(Caller);
        w.Add((long)Flags);
        w.Add((long)PhysAddr);
        w.Add(ArrayKmalloc);
        foreach (long pfn in Pfns) w.Add(pfn);
    }
}
