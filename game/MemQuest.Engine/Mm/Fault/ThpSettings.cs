// Models /sys/kernel/mm/transparent_hugepage/{enabled,defrag} and the gfp choice for a huge fault
// (vma_thp_gfp_mask, mm/huge_memory.c), kernel-spec §16.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Mm.Fault;

public static class ThpSettings
{
    public static readonly string[] EnabledModes = ["always", "madvise", "never"];
    public static readonly string[] DefragModes = ["always", "defer", "defer+madvise", "madvise", "never"];

    /// <summary>thp_vma_allowable_order for an anonymous VMA: enabled=always, or madvise with MADV_HUGEPAGE; never with MADV_NOHUGEPAGE.</summary>
    public static bool Allowed(string enabled, Vma vma) =>
        vma.IsAnonymous && !vma.Has(VmFlags.Shared) && !vma.Has(VmFlags.NoHugePage)
        && (enabled == "always" || (enabled == "madvise" && vma.Has(VmFlags.HugePage)));

    /// <summary>vma_thp_gfp_mask (mm/huge_memory.c).</summary>
    public static GfpFlags GfpMask(string defrag, bool madvised) => defrag switch
    {
        "always" => GfpFlags.GfpTransHuge | (madvised ? 0 : GfpFlags.NoRetry),
        "defer" => GfpFlags.GfpTransHugeLight | GfpFlags.KswapdReclaim,
        "defer+madvise" => GfpFlags.GfpTransHugeLight | (madvised ? GfpFlags.DirectReclaim : GfpFlags.KswapdReclaim),
        "madvise" => GfpFlags.GfpTransHugeLight | (madvised ? GfpFlags.DirectReclaim : 0),
        _ => GfpFlags.GfpTransHugeLight,
    };
}
