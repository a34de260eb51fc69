// Models enum kmalloc_cache_type (include/linux/slab.h), kernel-spec §6.1, in the order the caches
// are created: plain, reclaimable (-rcl-), DMA (dma-), memcg-accounted (-cg-).
namespace MemQuest.Engine.Slab;

public enum KmallocType
{
    Normal = 0,
    Reclaim = 1,
    Dma = 2,
    Cgroup = 3,
}
