// Models where a SLUB slab sits (mm/slub.c, kernel-spec §5.3): the CPU slab, the per-CPU partial
// list (both "frozen"), the node partial list, or nowhere (a full slab: SLUB keeps no full list).
namespace MemQuest.Engine.Slab;

public enum SlabListKind : byte
{
    Full = 0,
    CpuSlab = 1,
    CpuPartial = 2,
    NodePartial = 3,
}
