// kfree ADDR: free what kmalloc (or kmem_cache_alloc) returned, printing the slab or pages that go
// back to the buddy allocator (kernel-spec §5.3, §6.3). Bad frees get the kernel's complaint.
using System.Text;
using MemQuest.Engine.Events;

namespace MemQuest.Scenarios.Shell.Commands.Slab;

public sealed class KfreeCommand : IShellCommand
{
    public string Name => "kfree";
    public string Synopsis => "kfree ADDR                   free an object that kmalloc printed";
    public bool LabOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count != 2 || !LabArgs.TryParseAddress(argv[1], out long address))
            return ShellResult.Usage("kfree: give the address kmalloc printed, e.g. kfree 0xffff888100a3c4e0");
        var m = context.Machine;
        if (m.Slab.WhyNotFreeable(address) is { } why && address != Engine.Slab.Kmalloc.ZeroSizePtr)
            return ShellResult.Fail($"kfree: {why}\n");
        string what = address == Engine.Slab.Kmalloc.ZeroSizePtr ? "ZERO_SIZE_PTR: nothing to free" : KmallocCommand.Describe(m, address, 0);
        var sb = new StringBuilder();
        using IDisposable listening = m.Events.Listen();
        long mark = m.Events.Written;
        int order = m.Slab.LargeKmallocOrder(address);
        m.Slab.Kfree(address);
        foreach (KernelEvent e in m.Events.Since(mark))
            if (e is SlabDiscarded) sb.Append("  ").Append(e.Describe()).Append('\n');
        if (order >= 0) sb.Append($"  order-{order} block at pfn {Engine.Slab.SlabAllocator.PfnOf(address)} returned to the buddy allocator\n");
        sb.Append($"kfree({LabArgs.Hex(address)}) {what}\n");
        return ShellResult.Ok(sb.ToString());
    }
}
