// The incident's kernel modules: modprobe loads one (its init allocates its buffer with kmalloc or
// vmalloc, as its buf_alloc parameter says) and modprobe -r unloads it (kfree/vfree). Loading an
// already loaded module does nothing, as modprobe does. Kernel messages go to KernelLog (journalctl -k,
// the debrief) and, through printk, to the box's kernel log that dmesg and the kernel log pane read.
using MemQuest.Engine.Sysctl;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Services;

public sealed class ModuleTable(IReadOnlyList<ModuleDefinition> definitions, IKernelMechanisms kernel, Action<string>? printk = null)
{
    public static readonly string[] BufAllocChoices = ["kmalloc", "vmalloc"];
    private readonly SortedDictionary<string, LoadedModule> _loaded = new(StringComparer.Ordinal);

    public IReadOnlyList<ModuleDefinition> Definitions { get; } = definitions;
    public IReadOnlyDictionary<string, LoadedModule> Loaded => _loaded;
    public List<JournalEntry> KernelLog { get; } = [];

    public ModuleDefinition? Find(string name) => Definitions.FirstOrDefault(d => d.Name == name.Replace('-', '_'));

    /// <summary>modprobe NAME [param=value]...: Ok, ENOENT (no such module), EINVAL (bad parameter) or ENOMEM.</summary>
    public Errno Load(string name, IReadOnlyList<KeyValuePair<string, string>> args, long tick)
    {
        ModuleDefinition? d = Find(name);
        if (d is null) return Errno.ENOENT;
        if (_loaded.ContainsKey(d.Name)) return Errno.Ok;
        string bufAlloc = d.Params.TryGetValue("buf_alloc", out string? b) ? b : "kmalloc";
        foreach (var (key, value) in args)
        {
            if (key != "buf_alloc") { Log(tick, $"{d.Name}: unknown parameter '{key}' ignored"); continue; }
            bufAlloc = value;
        }
        if (!BufAllocChoices.Contains(bufAlloc))
        {
            Log(tick, $"{d.Name}: buf_alloc must be kmalloc or vmalloc, not '{bufAlloc}'");
            return Errno.EINVAL;
        }
        long handle = Allocate(d, bufAlloc, tick);
        if (handle < 0) return Errno.ENOMEM;
        _loaded[d.Name] = new LoadedModule(d.Name, bufAlloc, d.BufferKb, handle, tick);
        Log(tick, $"{d.Name}: {d.BufferKb} kB capture buffer allocated with {bufAlloc}");
        return Errno.Ok;
    }

    private long Allocate(ModuleDefinition d, string bufAlloc, long tick)
    {
        long bytes = d.BufferKb * 1024;
        if (bufAlloc == "vmalloc")
        {
            long area = kernel.Vmalloc(bytes);
            if (area < 0) Log(tick, $"vmalloc error: size {bytes}, vm_struct allocation failed, mode:0xcc0(GFP_KERNEL)");
            return area;
        }
        long obj = kernel.Kmalloc(bytes);
        if (obj >= 0) return obj;
        int order = Engine.Units.GetOrder(bytes);
        Log(tick, bytes > EngineKernel.KmallocMaxSizeBytes
            ? $"WARNING: CPU: 0 PID: 1 at mm/page_alloc.c __alloc_pages+0x2a5: order {order} > MAX_PAGE_ORDER {Engine.Units.MaxPageOrder} (kmalloc of {bytes} bytes is above KMALLOC_MAX_SIZE {EngineKernel.KmallocMaxSizeBytes})"
            : $"{d.Name}: page allocation failure: order:{order}, mode:0x40cc0(GFP_KERNEL|__GFP_COMP)");
        Log(tick, $"{d.Name}: failed to allocate {d.BufferKb} kB capture buffer with kmalloc");
        return -1;
    }

    private void Log(long tick, string text)
    {
        KernelLog.Add(new(tick, 0, text));
        printk?.Invoke(text);
    }

    /// <summary>modprobe -r NAME: Ok, or ENOENT when it is not loaded.</summary>
    public Errno Unload(string name, long tick)
    {
        ModuleDefinition? d = Find(name);
        if (d is null || !_loaded.Remove(d.Name, out LoadedModule? m)) return Errno.ENOENT;
        if (m.BufAlloc == "vmalloc") kernel.Vfree(m.Handle); else kernel.Kfree(m.Handle);
        Log(tick, $"{d.Name}: unloaded, capture buffer freed");
        return Errno.Ok;
    }

    /// <summary>What a module of this size needs from the engine, whichever buf_alloc the player picks.</summary>
    public static Mechanism NeedsOf(ModuleDefinition d) =>
        Mechanism.Vmalloc | (d.BufferKb * 1024 <= EngineKernel.KmallocMaxCacheSizeBytes ? Mechanism.KmallocSmall : Mechanism.KmallocLarge);
}
