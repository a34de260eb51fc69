// Not a kernel structure: one kmem_cache_create call of the boot catalogue (its arguments), with
// the objects a booted server holds in it (null for caches that stay empty or merge into another).
namespace MemQuest.Engine.Slab.Catalog;

public sealed record BootCache(KmemCacheArgs Args, BootObjects? Objects);
