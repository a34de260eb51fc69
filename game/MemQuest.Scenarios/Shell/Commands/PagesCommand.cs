// pages alloc ORDER [COUNT] [--migratetype TYPE] / pages free PFN ORDER: drive the buddy allocator
// by hand and print each block with the split and merge receipts behind it (kernel-spec §2).
using MemQuest.Engine;
using MemQuest.Engine.Events;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Scenarios.Shell.Commands;

public sealed class PagesCommand : IShellCommand
{
    private const string UsageText = "usage: pages alloc ORDER [COUNT] [--migratetype unmovable|movable|reclaimable] | pages free PFN ORDER";

    public string Name => "pages";
    public string Synopsis => "pages alloc ORDER [COUNT] [--migratetype T] | pages free PFN ORDER   use the buddy allocator";
    public bool LabOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count < 2) return ShellResult.Usage($"pages: say 'alloc' or 'free' ({UsageText})");
        return argv[1] switch
        {
            "alloc" => Alloc(context, argv),
            "free" => Free(context, argv),
            _ => ShellResult.Usage($"pages: unknown action '{argv[1]}' ({UsageText})"),
        };
    }

    private static ShellResult Alloc(ShellContext context, IReadOnlyList<string> argv)
    {
        var positional = new List<string>();
        GfpFlags gfp = GfpFlags.GfpKernel;
        for (int i = 2; i < argv.Count; i++)
        {
            if (argv[i] == "--migratetype")
            {
                if (i + 1 >= argv.Count) return ShellResult.Usage($"pages: --migratetype needs a value ({UsageText})");
                GfpFlags? g = argv[++i] switch
                {
                    "unmovable" => GfpFlags.GfpKernel,
                    "movable" => GfpFlags.GfpHighuserMovable,
                    "reclaimable" => GfpFlags.GfpKernel | GfpFlags.Reclaimable,
                    _ => null,
                };
                if (g is null) return ShellResult.Usage($"pages: unknown migratetype '{argv[i]}' ({UsageText})");
                gfp = g.Value;
            }
            else if (argv[i].StartsWith("--", StringComparison.Ordinal)) return ShellResult.Usage($"pages: unknown option '{argv[i]}' ({UsageText})");
            else positional.Add(argv[i]);
        }
        if (positional.Count is < 1 or > 2
            || !int.TryParse(positional[0], out int order) || order < 0 || order > 63
            || !TryCount(positional, out int count))
            return ShellResult.Usage($"pages: ORDER must be 0..{Units.MaxPageOrder} and COUNT 1..1000000 ({UsageText})");
        var sb = new System.Text.StringBuilder();
        var pageAlloc = context.Machine.PageAlloc;
        using IDisposable listening = context.Machine.Events.Listen();
        for (int i = 0; i < count; i++)
        {
            long mark = context.Machine.Events.Written;
            long pfn = pageAlloc.AllocPages(order, gfp);
            AppendReceipts(sb, context.Machine.Events.Since(mark));
            if (pfn < 0) return ShellResult.Fail($"pages: allocation {i + 1} of {count} failed (order {order}, gfp {GfpNames.Format(gfp)})\n", 1, sb.ToString());
            context.LabPages[pfn] = order;
            Zone zone = pageAlloc.Node.ZoneOf(pfn)!;
            sb.Append($"pfn {pfn} order {order} zone {zone.Name} {pageAlloc.Node.Map.GetPageblockMigratetype(pfn)}\n");
        }
        return ShellResult.Ok(sb.ToString());
    }

    private static bool TryCount(List<string> positional, out int count)
    {
        count = 1;
        return positional.Count == 1 || (int.TryParse(positional[1], out count) && count >= 1 && count <= 1_000_000);
    }

    private static ShellResult Free(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count != 4 || !long.TryParse(argv[2], out long pfn) || !int.TryParse(argv[3], out int order))
            return ShellResult.Usage($"pages: free takes a pfn and an order ({UsageText})");
        if (!context.LabPages.TryGetValue(pfn, out int held) || held != order)
            return ShellResult.Fail($"pages: pfn {pfn} is not an order-{order} block handed out by 'pages alloc' (use the pfn and order it printed)\n");
        var sb = new System.Text.StringBuilder();
        using IDisposable listening = context.Machine.Events.Listen();
        long mark = context.Machine.Events.Written;
        context.Machine.PageAlloc.FreePages(pfn, order);
        context.LabPages.Remove(pfn);
        AppendReceipts(sb, context.Machine.Events.Since(mark));
        sb.Append($"freed pfn {pfn} order {order}\n");
        return ShellResult.Ok(sb.ToString());
    }

    private static void AppendReceipts(System.Text.StringBuilder sb, IReadOnlyList<KernelEvent> events)
    {
        foreach (KernelEvent e in events) sb.Append("  ").Append(e.Describe()).Append('\n');
    }
}
