// Models the arguments of kmem_cache_create (mm/slab_common.c, struct kmem_cache_args), kernel-spec
// §5.1: the caller's object size, requested alignment and flags. SLUB derives everything else.
namespace MemQuest.Engine.Slab;

/// <param name="Name">The cache name as passed to kmem_cache_create.</param>
/// <param name="ObjectSizeBytes">sizeof the object (s->object_size).</param>
/// <param name="AlignBytes">Requested alignment (0 = none).</param>
/// <param name="Flags">SLAB_* flags and the ctor/usercopy/freeptr facts.</param>
public sealed record KmemCacheArgs(string Name, int ObjectSizeBytes, int AlignBytes, SlabFlags Flags);
