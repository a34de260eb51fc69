// Models mm/vmalloc.c, kernel-spec §7: alloc_vmap_area (lowest-address first fit from
// VMALLOC_START), __vmalloc_node_range (guard page, vm_struct, page array kmalloc'ed or — above one
// page — vmalloc'ed itself, then order-0 pages), vfree with lazy purge (freed ranges stay as
// "unpurged vm_area" until more than lazy_max_pages wait), ioremap/vmap ranges without pages, and
// the counters VmallocUsed (nr_vmalloc_pages) and KernelStack (NR_KERNEL_STACK_KB).
// Invariants: busy areas never overlap; VmallocPages == Σ NrPages of live VM_ALLOC areas.
// Not modelled: huge vmap mappings, per-CPU vmap blocks (vm_map_ram), KASAN shadow, page tables.
using MemQuest.Engine.Events;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Slab;

namespace MemQuest.Engine.Vmalloc;

public sealed class VmallocSpace(PgData node, PageAllocator pageAlloc, SlabAllocator slab, KernelEventLog events, int cpus)
{
    /// <summary>VMALLOC_START and VMALLOC_END (exclusive) on x86-64 with 4-level paging, no KASLR.</summary>
    public const ulong VmallocStart = 0xffffc90000000000UL;
    public const ulong VmallocEnd = 0xffffe90000000000UL;
    /// <summary>Where module text lands (MODULES_VADDR region as seen on booted boxes).</summary>
    public const ulong ModulesStart = 0xffffffffc0000000UL;
    public const ulong ModulesEnd = 0xffffffffff000000UL;
    /// <summary>THREAD_SIZE (16 KiB on x86-64), also THREAD_ALIGN.</summary>
    public const long ThreadSizeBytes = 16384;
    /// <summary>sizeof(struct vm_struct) on 6.18 x86-64.</summary>
    private const int VmStructBytes = 72;

    private readonly SortedDictionary<ulong, VmapArea> _busy = new();
    private long _lazyPages;

    /// <summary>nr_vmalloc_pages: VmallocUsed in pages.</summary>
    public long VmallocPages { get; private set; }

    /// <summary>Every live or lazily freed area in address order.</summary>
    public IEnumerable<VmapArea> Areas => _busy.Values;

    public VmapArea? Find(ulong address) => _busy.GetValueOrDefault(address) is { } a && (a.Flags & VmFlags.Unpurged) == 0 ? a : null;

    /// <summary>lazy_max_pages (mm/vmalloc.c): fls(num_online_cpus()) * 32 MiB worth of pages.</summary>
    public long LazyMaxPages => Units.Fls((ulong)cpus) * (32L * 1024 * 1024 >> Units.PageShift);

    /// <summary>alloc_vmap_area (mm/vmalloc.c): the lowest aligned hole of sizeBytes in [start, end), or 0.</summary>
    private ulong FindHole(long sizeBytes, long alignBytes, ulong start, ulong end)
    {
        ulong cursor = start;
        foreach (VmapArea a in _busy.Values)
        {
            if (a.VaEnd <= start) continue;
            if (a.VaStart >= end) break;
            ulong aligned = (ulong)Units.Align((long)(cursor - start), alignBytes) + start;
            if (aligned + (ulong)sizeBytes <= a.VaStart) return aligned;
            cursor = Math.Max(cursor, a.VaEnd);
        }
        ulong last = (ulong)Units.Align((long)(cursor - start), alignBytes) + start;
        return last + (ulong)sizeBytes <= end ? last : 0;
    }

    /// <summary>__get_vm_area_node (mm/vmalloc.c): reserve the range (+ guard page) and the vm_struct/vmap_area objects.</summary>
    public VmapArea? GetVmArea(long sizeBytes, long alignBytes, VmFlags flags, string caller, bool modules = false)
    {
        long total = Units.PageAlign(sizeBytes) + ((flags & VmFlags.NoGuard) != 0 ? 0 : Units.PageSize);
        ulong start = FindHole(total, Math.Max(alignBytes, Units.PageSize), modules ? ModulesStart : VmallocStart, modules ? ModulesEnd : VmallocEnd);
        if (start == 0) return null;
        var area = new VmapArea(start, start + (ulong)total, caller, flags);
        area.VmStructObject = slab.Kmalloc(VmStructBytes, GfpFlags.GfpKernel);
        if (slab.Find("vmap_area") is { } vmapAreaCache) area.VmapAreaObject = slab.KmemCacheAlloc(vmapAreaCache, GfpFlags.GfpKernel);
        _busy.Add(start, area);
        return area;
    }

    /// <summary>vmalloc / __vmalloc_node_range (mm/vmalloc.c), kernel-spec §7: the area, or null on failure.</summary>
    public VmapArea? Vmalloc(long sizeBytes, string caller, long alignBytes = 4096, bool modules = false)
    {
        if (sizeBytes <= 0) return null;
        long size = Units.PageAlign(sizeBytes);
        VmapArea? area = GetVmArea(size, alignBytes, VmFlags.Alloc, caller, modules);
        if (area is null) return null;
        int nr = (int)(size >> Units.PageShift);
        long arrayBytes = (long)nr * 8;
        if (arrayBytes > Units.PageSize)
        {
            area.ArrayArea = Vmalloc(arrayBytes, caller);
            area.Flags |= VmFlags.Vpages;
        }
        else area.ArrayKmalloc = slab.Kmalloc(arrayBytes, GfpFlags.GfpKernel | GfpFlags.Zero);
        if ((area.ArrayArea is null && area.ArrayKmalloc == -1) || (arrayBytes > Units.PageSize && area.ArrayArea is null))
        {
            Release(area);
            return null;
        }
        var pfns = new long[nr];
        for (int i = 0; i < nr; i++)
        {
            pfns[i] = pageAlloc.AllocPages(0, GfpFlags.GfpKernel | GfpFlags.Highmem);
            if (pfns[i] >= 0) continue;
            area.Pfns = pfns[..i];
            VmallocPages += i;
            Vfree(area.VaStart);
            return null;
        }
        area.Pfns = pfns;
        VmallocPages += nr;
        if (events.Listening) events.Add(new VmallocMapped(events.Tick, area.VaStart, area.SizeBytes, nr, caller, area.ArrayArea is null ? "kmalloc" : "vmalloc"));
        return area;
    }

    /// <summary>alloc_thread_stack_node (kernel/fork.c): a 16 KiB vmalloc'ed stack aligned to THREAD_ALIGN, counted in KernelStack.</summary>
    public VmapArea? AllocThreadStack(string caller = "kernel_clone+0x94/0x3e0")
    {
        VmapArea? area = Vmalloc(ThreadSizeBytes, caller, ThreadSizeBytes);
        if (area is not null) node.AddStat(NodeStatItem.NrKernelStack, ThreadSizeBytes / 1024);
        return area;
    }

    /// <summary>free_thread_stack (kernel/fork.c).</summary>
    public void FreeThreadStack(VmapArea stack)
    {
        node.AddStat(NodeStatItem.NrKernelStack, -ThreadSizeBytes / 1024);
        Vfree(stack.VaStart);
    }

    /// <summary>vfree (mm/vmalloc.c): free the pages and the page array now, the range lazily. False if no such area.</summary>
    public bool Vfree(ulong address)
    {
        VmapArea? area = Find(address);
        if (area is null || (area.Flags & VmFlags.Alloc) == 0) return false;
        foreach (long pfn in area.Pfns) pageAlloc.FreePages(pfn, 0);
        VmallocPages -= area.NrPages;
        area.Pfns = [];
        if (area.ArrayArea is { } nested) Vfree(nested.VaStart);
        else if (IsObject(area.ArrayKmalloc)) slab.Kfree(area.ArrayKmalloc);
        if (IsObject(area.VmStructObject)) slab.Kfree(area.VmStructObject);
        area.Flags = VmFlags.Unpurged;
        _lazyPages += area.SizeBytes >> Units.PageShift;
        if (_lazyPages > LazyMaxPages) PurgeVmapAreaLazy();
        return true;
    }

    /// <summary>Undo GetVmArea for an area whose setup failed.</summary>
    private void Release(VmapArea area)
    {
        if (IsObject(area.ArrayKmalloc)) slab.Kfree(area.ArrayKmalloc);
        if (IsObject(area.VmStructObject)) slab.Kfree(area.VmStructObject);
        if (IsObject(area.VmapAreaObject)) slab.KmemCacheFree(slab.Find("vmap_area")!, area.VmapAreaObject);
        _busy.Remove(area.VaStart);
    }

    /// <summary>__purge_vmap_area_lazy (mm/vmalloc.c): drop every lazily freed range at once.</summary>
    private void PurgeVmapAreaLazy()
    {
        foreach (VmapArea a in _busy.Values.Where(a => (a.Flags & VmFlags.Unpurged) != 0).ToList())
        {
            if (IsObject(a.VmapAreaObject)) slab.KmemCacheFree(slab.Find("vmap_area")!, a.VmapAreaObject);
            _busy.Remove(a.VaStart);
        }
        _lazyPages = 0;
    }

    private static bool IsObject(long handle) => handle != 0 && handle != -1;

    /// <summary>kvmalloc_node (mm/util.c), kernel-spec §7: kmalloc first (above one page without
    /// retrying or warning), then fall back to vmalloc. Returns the address, or -1.</summary>
    public long Kvmalloc(long sizeBytes, GfpFlags gfp, string caller, out VmapArea? area)
    {
        area = null;
        GfpFlags kgfp = gfp;
        if (sizeBytes > Units.PageSize)
        {
            kgfp |= GfpFlags.NoWarn;
            if ((kgfp & GfpFlags.RetryMayfail) == 0) kgfp |= GfpFlags.NoRetry;
            kgfp &= ~GfpFlags.NoFail;
        }
        long address = slab.Kmalloc(sizeBytes, kgfp);
        if (address != -1 || sizeBytes <= Units.PageSize) return address;
        area = Vmalloc(sizeBytes, caller);
        return area is null ? -1 : unchecked((long)area.VaStart);
    }

    /// <summary>ioremap/vmap-style ranges that map no vmalloc pages (boot devices, IRQ stacks).</summary>
    public VmapArea? MapRange(long sizeBytes, VmFlags flags, string caller, ulong physAddr = 0)
    {
        VmapArea? area = GetVmArea(sizeBytes, Units.PageSize, flags, caller);
        if (area is not null) area.PhysAddr = physAddr;
        return area;
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(VmallocPages);
        w.Add(_lazyPages);
        foreach (VmapArea a in _busy.Values) a.AddToDigest(w);
    }
}
