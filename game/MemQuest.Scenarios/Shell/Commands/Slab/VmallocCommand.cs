// vmalloc SIZE / vfree ADDR / kvmalloc SIZE: call the vmalloc family from the lab (kernel-spec
// §7): the area's address, pages and guard page, where the page array came from; vfree frees the
// pages at once and leaves the range as an "unpurged vm_area" until the lazy purge; kvmalloc tries
// kmalloc first and says why it fell back.
using MemQuest.Engine;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Vmalloc;

namespace MemQuest.Scenarios.Shell.Commands.Slab;

public sealed class VmallocCommand : IShellCommand
{
    public const string LabCaller = "lab_vmalloc+0x1d/0x40";

    public VmallocCommand(string name) => Name = name;

    public string Name { get; }

    public string Synopsis => Name switch
    {
        "vfree" => "vfree ADDR                   free a vmalloc area that vmalloc printed",
        "kvmalloc" => "kvmalloc SIZE                kmalloc, falling back to vmalloc",
        _ => "vmalloc SIZE                 map SIZE of order-0 pages into the vmalloc range",
    };

    public bool LabOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        Machine m = context.Machine;
        if (Name == "vfree") return Vfree(m, argv);
        if (argv.Count != 2 || !LabArgs.TryParseSize(argv[1], out long size) || size == 0)
            return ShellResult.Usage($"{Name}: give a size in bytes such as 16k or 2M (usage: {Name} SIZE)");
        if (Name == "kvmalloc") return Kvmalloc(m, size);
        VmapArea? area = m.Vmalloc.Vmalloc(size, LabCaller);
        if (area is null) return ShellResult.Fail($"vmalloc({size}): vmalloc error: size {size}, failed to allocate pages (or no room in the vmalloc range)\n");
        return ShellResult.Ok($"vmalloc({size}) = 0x{area.VaStart:x16} {Describe(area)}\n");
    }

    public static string Describe(VmapArea a) =>
        $"({a.NrPages} pages + guard page, area {a.SizeBytes} bytes, page array "
        + (a.ArrayArea is { } nested ? $"vmalloc'ed at 0x{nested.VaStart:x16}: {nested.NrPages} more pages ({a.NrPages * 8} bytes > 4096)" : $"kmalloc'ed ({a.NrPages * 8} bytes)")
        + ")";

    private static ShellResult Kvmalloc(Machine m, long size)
    {
        long address = m.Vmalloc.Kvmalloc(size, GfpFlags.GfpKernel, LabCaller, out VmapArea? area);
        if (address == -1) return ShellResult.Fail($"kvmalloc({size}): both kmalloc and vmalloc failed\n");
        if (area is null) return ShellResult.Ok($"kvmalloc({size}) = {LabArgs.Hex(address)} via kmalloc {KmallocCommand.Describe(m, address, size)}\n");
        string why = size > Engine.Slab.Kmalloc.MaxSizeBytes
            ? "above KMALLOC_MAX_SIZE"
            : $"kmalloc order {Units.GetOrder(size)} failed without retrying (__GFP_NORETRY): {m.Slab.LargeFailureReason(Units.GetOrder(size), GfpFlags.GfpKernel)}";
        return ShellResult.Ok($"kvmalloc({size}) = 0x{area.VaStart:x16} via vmalloc fallback ({why}) {Describe(area)}\n");
    }

    private static ShellResult Vfree(Machine m, IReadOnlyList<string> argv)
    {
        if (argv.Count != 2 || !LabArgs.TryParseAddress(argv[1], out long address))
            return ShellResult.Usage("vfree: give the address vmalloc printed, e.g. vfree 0xffffc90000400000");
        VmapArea? area = m.Vmalloc.Find((ulong)address);
        if (area is null || (area.Flags & VmFlags.Alloc) == 0 || area.NrPages == 0)
            return ShellResult.Fail($"vfree: Trying to vfree() nonexistent vm area ({LabArgs.Hex(address)})\n");
        int pages = area.NrPages + (area.ArrayArea?.NrPages ?? 0);
        m.Vmalloc.Vfree((ulong)address);
        return ShellResult.Ok($"vfree({LabArgs.Hex(address)}): {pages} pages back to the buddy allocator; the range stays an unpurged vm_area until the lazy purge\n");
    }
}
