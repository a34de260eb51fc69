// What a lab process does after it starts (the oracle's oomchild.c and lazy_alloc.c, kernel-spec
// §8.2): map Regions private anonymous mappings of MapBytes each (at SpacingBytes apart from
// 0x100000000000 when spacing is set), optionally MADV_HUGEPAGE them, then touch TouchBytes from the
// start of each (writing, or reading when Read), or one page every StrideBytes over the whole mapping.
namespace MemQuest.Engine.Mm.Exec;

public sealed record LabProgramSpec(long MapBytes = 0, long TouchBytes = 0, bool Read = false, long StrideBytes = 0,
    int Regions = 1, long SpacingBytes = 0, bool NoReserve = false, bool ReadOnly = false, bool HugePage = false)
{
    /// <summary>Where mapping i goes when SpacingBytes is set.</summary>
    public const long SpacedBase = 0x100000000000;
}
