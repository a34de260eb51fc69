// Models the geometry fields of struct kmem_cache (mm/slab.h) that SLUB computes once per cache,
// kernel-spec §5.1-§5.3: size, align, free-pointer offset, preferred and fallback order (s->oo,
// s->min), min_partial, cpu_partial and cpu_partial_slabs. Immutable once computed.
namespace MemQuest.Engine.Slab;

/// <param name="SizeBytes">s->size: object plus metadata, aligned (the slabinfo objsize column).</param>
/// <param name="AlignBytes">s->align after calculate_alignment.</param>
/// <param name="OffsetBytes">s->offset: where the free pointer lives.</param>
/// <param name="Order">oo_order(s->oo): the preferred slab order.</param>
/// <param name="ObjPerSlab">oo_objects(s->oo).</param>
/// <param name="MinOrder">oo_order(s->min): the fallback order under memory pressure.</param>
/// <param name="MinObjPerSlab">oo_objects(s->min).</param>
/// <param name="MinPartial">s->min_partial.</param>
/// <param name="CpuPartial">s->cpu_partial (objects).</param>
/// <param name="CpuPartialSlabs">s->cpu_partial_slabs.</param>
public sealed record SlabLayout(
    int SizeBytes, int AlignBytes, int OffsetBytes, int Order, int ObjPerSlab,
    int MinOrder, int MinObjPerSlab, int MinPartial, int CpuPartial, int CpuPartialSlabs)
{
    public int PagesPerSlab => 1 << Order;
}
