// Boot object counts of the kmalloc caches (see BootCatalog.cs): what drivers and subsystems
// kmalloc while a server boots, as fixed + per-CPU + per-GiB counts.
namespace MemQuest.Engine.Slab.Catalog;

public static partial class BootCatalog
{
    private static readonly (string Name, BootObjects Objects)[] KmallocObjects =
    [
        ("kmalloc-96", new(2900, 150, 10, 15)),
        ("kmalloc-192", new(800, 80, 6, 75)),
        ("kmalloc-8", new(1800, 60, 6, 0)),
        ("kmalloc-16", new(1700, 120, 8, 0)),
        ("kmalloc-32", new(1200, 60, 10, 150)),
        ("kmalloc-64", new(1400, 100, 10, 15)),
        ("kmalloc-128", new(900, 100, 6, 90)),
        ("kmalloc-256", new(600, 60, 4, 0)),
        ("kmalloc-512", new(440, 80, 4, 60)),
        ("kmalloc-1k", new(500, 80, 4, 5)),
        ("kmalloc-2k", new(180, 40, 2, 0)),
        ("kmalloc-4k", new(150, 40, 2, 25)),
        ("kmalloc-8k", new(20, 6, 0, 0)),
        ("kmalloc-rcl-96", new(500, 0, 4, 0)),
        ("kmalloc-rcl-192", new(40, 0, 0, 0)),
        ("kmalloc-rcl-128", new(120, 0, 0, 125)),
        ("kmalloc-cg-96", new(80, 0, 0, 0)),
        ("kmalloc-cg-192", new(260, 0, 0, 0)),
        ("kmalloc-cg-8", new(1000, 0, 0, 0)),
        ("kmalloc-cg-16", new(500, 0, 0, 0)),
        ("kmalloc-cg-32", new(250, 0, 0, 0)),
        ("kmalloc-cg-64", new(120, 0, 0, 0)),
        ("kmalloc-cg-128", new(90, 0, 0, 0)),
        ("kmalloc-cg-256", new(80, 0, 0, 0)),
        ("kmalloc-cg-512", new(150, 0, 0, 0)),
        ("kmalloc-cg-1k", new(80, 0, 0, 45)),
        ("kmalloc-cg-2k", new(150, 0, 0, 55)),
        ("kmalloc-cg-4k", new(70, 0, 0, 15)),
        ("kmalloc-cg-8k", new(8, 0, 0, 0)),
    ];
}
