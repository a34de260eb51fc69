// kmalloc SIZE [COUNT] [--cache NAME] [--gfp G]: call kmalloc (or kmem_cache_alloc on a named
// cache) from the lab and print what a kernel developer wants to see: the address, the cache and
// the slab it came from (or the page order for large kmalloc), the new slabs taken from the buddy
// allocator, and on failure the reason (kernel-spec §5.3, §6).
using System.Text;
using MemQuest.Engine;
using MemQuest.Engine.Events;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Slab;
using KmallocInfo = MemQuest.Engine.Slab.Kmalloc;

namespace MemQuest.Scenarios.Shell.Commands.Slab;

public sealed class KmallocCommand : IShellCommand
{
    private const string UsageText = "usage: kmalloc SIZE [COUNT] [--cache NAME] [--gfp kernel|atomic|account|reclaimable|dma|nowait]";

    public string Name => "kmalloc";
    public string Synopsis => "kmalloc SIZE [COUNT] [--cache NAME] [--gfp G]   allocate kernel objects (kfree ADDR frees)";
    public bool LabOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        var positional = new List<string>();
        string? cacheName = null;
        GfpFlags gfp = GfpFlags.GfpKernel;
        for (int i = 1; i < argv.Count; i++)
        {
            if (argv[i] is "--cache" or "--gfp")
            {
                if (i + 1 >= argv.Count) return ShellResult.Usage($"kmalloc: {argv[i]} needs a value ({UsageText})");
                if (argv[i] == "--cache") cacheName = argv[++i];
                else if (LabArgs.ParseGfp(argv[++i]) is { } g) gfp = g;
                else return ShellResult.Usage($"kmalloc: unknown gfp '{argv[i]}' ({UsageText})");
            }
            else if (argv[i].StartsWith("--", StringComparison.Ordinal)) return ShellResult.Usage($"kmalloc: unknown option '{argv[i]}' ({UsageText})");
            else positional.Add(argv[i]);
        }
        if (positional.Count is < 1 or > 2 || !LabArgs.TryParseSize(positional[0], out long size))
            return ShellResult.Usage($"kmalloc: SIZE must be a byte count such as 100, 8k or 1M ({UsageText})");
        int count = 1;
        if (positional.Count == 2 && (!int.TryParse(positional[1], out count) || count < 1 || count > 1_000_000))
            return ShellResult.Usage($"kmalloc: COUNT must be 1..1000000 ({UsageText})");
        KmemCache? cache = null;
        if (cacheName is not null && (cache = context.Machine.Slab.Find(cacheName)) is null)
            return ShellResult.Fail($"kmalloc: no slab cache named '{cacheName}' (see cat /proc/slabinfo or ls /sys/kernel/slab)\n");
        return Allocate(context.Machine, size, count, cache, gfp);
    }

    private static ShellResult Allocate(Machine m, long size, int count, KmemCache? cache, GfpFlags gfp)
    {
        var sb = new StringBuilder();
        using IDisposable listening = m.Events.Listen();
        for (int i = 0; i < count; i++)
        {
            long mark = m.Events.Written;
            long address = cache is null ? m.Slab.Kmalloc(size, gfp) : m.Slab.KmemCacheAlloc(cache, gfp);
            foreach (KernelEvent e in m.Events.Since(mark))
                if (e is SlabCreated or SlabDiscarded) sb.Append("  ").Append(e.Describe()).Append('\n');
            string call = cache is null ? $"kmalloc({size})" : $"kmem_cache_alloc({cache.Name})";
            if (address == -1) return ShellResult.Fail($"{call}: {FailureReason(m, size, cache, gfp)}\n", 1, sb.ToString());
            sb.Append(call).Append(" = ").Append(LabArgs.Hex(address)).Append(' ').Append(Describe(m, address, size)).Append('\n');
        }
        return ShellResult.Ok(sb.ToString());
    }

    /// <summary>"(kmalloc-128, slab pfn 1049000, object 28 of 32)" or the large-kmalloc order and pfn.</summary>
    public static string Describe(Machine m, long address, long size)
    {
        if (address == KmallocInfo.ZeroSizePtr) return "(ZERO_SIZE_PTR: kmalloc(0) allocates nothing)";
        int order = m.Slab.LargeKmallocOrder(address);
        if (order >= 0)
            return $"(page allocator: order {order}, pfn {SlabAllocator.PfnOf(address)}, {1 << order} pages counted in SUnreclaim, no slabinfo line)";
        var (slab, index) = m.Slab.Resolve(address);
        return $"({slab.Cache.Name}, slab pfn {slab.Pfn}, object {index + 1} of {slab.Objects})";
    }

    private static string FailureReason(Machine m, long size, KmemCache? cache, GfpFlags gfp)
    {
        if (cache is null && size > KmallocInfo.MaxSizeBytes)
            return $"size above KMALLOC_MAX_SIZE ({KmallocInfo.MaxSizeBytes} bytes = order {Units.MaxPageOrder}): returns NULL";
        if (cache is null && size > KmallocInfo.MaxCacheSizeBytes)
        {
            int order = Units.GetOrder(size);
            return $"page allocation failure: order:{order}, mode:{GfpNames.Format(gfp)}: {m.Slab.LargeFailureReason(order, gfp)}";
        }
        KmemCache c = cache ?? m.Slab.KmallocCache(KmallocInfo.TypeOf(gfp), KmallocInfo.Index(size))!;
        return $"{c.Name} needs a new slab: page allocation failure: order:{c.Layout.MinOrder}, mode:{GfpNames.Format(gfp)}: {m.Slab.LargeFailureReason(c.Layout.MinOrder, gfp)}";
    }
}
