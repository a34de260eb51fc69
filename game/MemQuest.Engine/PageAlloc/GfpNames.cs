// Models the %pGg printk format (lib/vsprintf.c format_flags with gfpflag_names from
// include/trace/events/mmflags.h): the mask in hex, then the combination names it contains.
namespace MemQuest.Engine.PageAlloc;

public static class GfpNames
{
    // Composite names first, as __def_gfpflag_names lists them; then single bits.
    private static readonly (GfpFlags Mask, string Name)[] Names =
    [
        (GfpFlags.GfpTransHuge, "GFP_TRANSHUGE"),
        (GfpFlags.GfpTransHugeLight, "GFP_TRANSHUGE_LIGHT"),
        (GfpFlags.GfpHighuserMovable, "GFP_HIGHUSER_MOVABLE"),
        (GfpFlags.GfpHighuser, "GFP_HIGHUSER"),
        (GfpFlags.GfpUser, "GFP_USER"),
        (GfpFlags.GfpKernelAccount, "GFP_KERNEL_ACCOUNT"),
        (GfpFlags.GfpKernel, "GFP_KERNEL"),
        (GfpFlags.GfpNofs, "GFP_NOFS"),
        (GfpFlags.GfpAtomic, "GFP_ATOMIC"),
        (GfpFlags.GfpNoio, "GFP_NOIO"),
        (GfpFlags.GfpNowait, "GFP_NOWAIT"),
        (GfpFlags.Dma, "GFP_DMA"),
        (GfpFlags.Highmem, "__GFP_HIGHMEM"),
        (GfpFlags.Dma32, "GFP_DMA32"),
        (GfpFlags.High, "__GFP_HIGH"),
        (GfpFlags.Io, "__GFP_IO"),
        (GfpFlags.Fs, "__GFP_FS"),
        (GfpFlags.NoWarn, "__GFP_NOWARN"),
        (GfpFlags.RetryMayfail, "__GFP_RETRY_MAYFAIL"),
        (GfpFlags.NoFail, "__GFP_NOFAIL"),
        (GfpFlags.NoRetry, "__GFP_NORETRY"),
        (GfpFlags.Comp, "__GFP_COMP"),
        (GfpFlags.Zero, "__GFP_ZERO"),
        (GfpFlags.NoMemalloc, "__GFP_NOMEMALLOC"),
        (GfpFlags.Memalloc, "__GFP_MEMALLOC"),
        (GfpFlags.Hardwall, "__GFP_HARDWALL"),
        (GfpFlags.ThisNode, "__GFP_THISNODE"),
        (GfpFlags.Reclaimable, "__GFP_RECLAIMABLE"),
        (GfpFlags.Movable, "__GFP_MOVABLE"),
        (GfpFlags.Account, "__GFP_ACCOUNT"),
        (GfpFlags.Write, "__GFP_WRITE"),
        (GfpFlags.Reclaim, "__GFP_RECLAIM"),
        (GfpFlags.DirectReclaim, "__GFP_DIRECT_RECLAIM"),
        (GfpFlags.KswapdReclaim, "__GFP_KSWAPD_RECLAIM"),
    ];

    /// <summary>"%#x(%pGg)": e.g. 0xcc0(GFP_KERNEL), 0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP).</summary>
    public static string Format(GfpFlags gfp)
    {
        uint rest = (uint)gfp;
        var parts = new List<string>();
        foreach (var (mask, name) in Names)
        {
            uint m = (uint)mask;
            if (m != 0 && (rest & m) == m)
            {
                parts.Add(name);
                rest &= ~m;
            }
        }
        if (rest != 0) parts.Add($"0x{rest:x}");
        string hex = gfp == 0 ? "0" : $"0x{(uint)gfp:x}";
        return parts.Count == 0 ? $"{hex}()" : $"{hex}({string.Join('|', parts)})";
    }
}
