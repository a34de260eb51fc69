// Models what a booted x86-64 server has in its vmalloc space (mm/vmalloc.c users at boot),
// kernel-spec §7: per-CPU IRQ stacks (vmap), idle-thread stacks (fork_idle), the kernel stacks of
// boot threads (kernel_clone, one per task_struct of the boot catalogue minus the idle tasks),
// ACPI and PCI ioremaps, the per-CPU allocator's first chunk, BPF programs of the init system
// and loaded modules. Callers are printed as %pS the way a 6.18 build shows them.
using MemQuest.Engine.Slab.Catalog;

namespace MemQuest.Engine.Vmalloc;

public static class VmallocBoot
{
    /// <summary>Module sizes in pages (text + data of a typical server's modules).</summary>
    private static readonly int[] ModulePages = [9, 23, 14, 41, 6, 18, 112, 33, 8, 27, 64, 12, 5, 19, 45, 11];

    public static void Boot(VmallocSpace vm, int cpus, long totalramPages)
    {
        for (int cpu = 0; cpu < cpus; cpu++) vm.MapRange(VmallocSpace.ThreadSizeBytes, VmFlags.Map, "irq_init_percpu_irqstack+0xca/0x100");
        vm.MapRange(4096, VmFlags.Ioremap, "acpi_os_map_iomem+0x1bc/0x1e0", 0xa0000);
        vm.MapRange(8192, VmFlags.Ioremap, "acpi_os_map_iomem+0x1bc/0x1e0", 0x9f000);
        vm.MapRange(1L << 20, VmFlags.Ioremap, "pci_mmcfg_arch_map+0x2b/0x60", 0xeec00000);
        vm.MapRange(2L << 20, VmFlags.Alloc | VmFlags.NoGuard, "pcpu_get_vm_areas+0x0/0x1050");
        for (int cpu = 1; cpu < cpus; cpu++) vm.AllocThreadStack("fork_idle+0x74/0x120");
        long tasks = BootCatalog.Caches.First(c => c.Args.Name == "task_struct").Objects!.Live(cpus, totalramPages);
        for (long t = cpus; t < tasks; t++)
        {
            vm.AllocThreadStack();
            if (t % 16 == 0) vm.MapRange(4096, VmFlags.Ioremap, "vp_modern_map_capability+0x12d/0x1c0", 0x4000000000UL + (ulong)t * 0x2000);
        }
        vm.Vmalloc(8L * 4096, "pcpu_create_chunk+0x56/0x230");
        vm.Vmalloc(2L * 4096, "pcpu_create_chunk+0xa0/0x230");
        vm.Vmalloc(512L * 4096, "bpf_prog_pack_alloc+0x28b/0x3a0");
        for (int i = 0; i < 24; i++) vm.Vmalloc(4096, "bpf_prog_alloc_no_stats+0x39/0x230");
        foreach (int pages in ModulePages) vm.Vmalloc(pages * 4096L, "execmem_vmalloc+0x8e/0x1e0", modules: true);
    }
}
