// Models the superblock shrinker (fs/super.c super_cache_count / super_cache_scan): the dentry and
// inode caches' unused objects, counted with vfs_cache_pressure, freed by prune_dcache_sb and
// prune_icache_sb. Registered first, so shrink_slab runs it before the other shrinkers.
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Reclaim;

public sealed class SuperblockShrinker(Dcache.Dcache dcache, Sysctls sysctls) : IShrinker
{
    public int Seeks => Dcache.Dcache.DefaultSeeks;

    public long CountObjects() => dcache.CountObjects(sysctls.Get(SysctlCatalog.VfsCachePressure));

    public long ScanObjects(long nrToScan) => dcache.ScanObjects(nrToScan);
}
