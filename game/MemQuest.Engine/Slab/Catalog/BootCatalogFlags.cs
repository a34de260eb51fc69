// Short names for SlabFlags in the boot catalogue tables (BootCatalog.Part*.cs), so each
// kmem_cache_create call stays one readable line.
namespace MemQuest.Engine.Slab.Catalog;

public static class BootCatalogFlags
{
    public const SlabFlags None = SlabFlags.None;
    public const SlabFlags H = SlabFlags.HwcacheAlign;
    public const SlabFlags R = SlabFlags.ReclaimAccount;
    public const SlabFlags Dma = SlabFlags.CacheDma;
    public const SlabFlags Acct = SlabFlags.Account;
    public const SlabFlags Rcu = SlabFlags.TypesafeByRcu;
    public const SlabFlags Fp = SlabFlags.FreeptrOffset;
    public const SlabFlags Ctor = SlabFlags.Ctor;
    public const SlabFlags NoMerge = SlabFlags.NoMerge;
    public const SlabFlags User = SlabFlags.Usercopy;
}
